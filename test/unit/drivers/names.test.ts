import { describe, expect, it } from 'vitest';
import type { Provider } from '../../../functions/domain/estates/regions.ts';
import type { WorkloadType } from '../../../functions/drivers/driver.ts';
import {
  environmentSuffix,
  workloadResourceName,
  workloadTypeOf,
} from '../../../functions/drivers/names.ts';
import { aWorkload } from './factories.ts';

describe('workloadResourceName', () => {
  it.each<[Provider, WorkloadType, string]>([
    ['aws', 'container_service', 'ecs/payments-api-prod'],
    ['aws', 'serverless_function', 'lambda/payments-api-prod'],
    ['aws', 'managed_database', 'rds/payments-api-prod'],
    ['aws', 'message_queue', 'sqs/payments-api-prod'],
    ['gcp', 'container_service', 'run/payments-api-prod'],
    ['gcp', 'serverless_function', 'cloudfunctions/payments-api-prod'],
    ['gcp', 'managed_database', 'cloudsql/payments-api-prod'],
    ['gcp', 'message_queue', 'pubsub/payments-api-prod'],
    ['azure', 'container_service', 'containerapps/payments-api-prod'],
    ['azure', 'serverless_function', 'functionapps/payments-api-prod'],
    ['azure', 'managed_database', 'flexibleservers/payments-api-prod'],
    ['azure', 'message_queue', 'servicebus/payments-api-prod'],
  ])('names a %s %s %s', (provider, type, expected) => {
    const workload = aWorkload({ type });

    const name = workloadResourceName(provider, workload);

    expect(name).toBe(expected);
  });

  it('turns a display name into lower-case words joined by hyphens', () => {
    const workload = aWorkload({ serviceName: '  Payments API (v2) ' });

    const name = workloadResourceName('aws', workload);

    expect(name).toBe('ecs/payments-api-v2-prod');
  });

  it('starts a name that begins with a digit with a letter', () => {
    const workload = aWorkload({ serviceName: '3ds-gateway' });

    const name = workloadResourceName('gcp', workload);

    expect(name).toBe('run/svc-3ds-gateway-prod');
  });

  it('shortens a long name to the provider limit and keeps it distinct', () => {
    const long = aWorkload({ serviceName: 'settlement-reconciliation-engine-eu' });
    const longer = aWorkload({ serviceName: 'settlement-reconciliation-engine-us' });

    const first = workloadResourceName('azure', long);
    const second = workloadResourceName('azure', longer);

    expect(first.split('/')[1]?.length).toBeLessThanOrEqual(32);
    expect(first).toMatch(/^containerapps\/settlement-reconciliation-[0-9a-f]{6}$/);
    expect(first).not.toBe(second);
  });
});

describe('environmentSuffix', () => {
  it.each([
    ['production', 'production', 'prod'],
    ['staging', 'staging', 'staging'],
    ['development', 'dev-eu', 'dev'],
    ['preview', 'PR 481', 'preview-pr-481'],
    ['preview', 'preview-checkout', 'preview-checkout'],
  ] as const)('gives a %s environment named %s the suffix %s', (type, name, expected) => {
    expect(environmentSuffix(type, name)).toBe(expected);
  });
});

describe('workloadTypeOf', () => {
  it('reads the workload type back from a resource name', () => {
    expect(workloadTypeOf('gcp', 'pubsub/orders-prod')).toBe('message_queue');
  });

  it('returns null for another provider’s resource', () => {
    expect(workloadTypeOf('azure', 'ecs/payments-api-prod')).toBeNull();
  });

  it('returns null for a name without a slash', () => {
    expect(workloadTypeOf('aws', 'ecs')).toBeNull();
  });
});
