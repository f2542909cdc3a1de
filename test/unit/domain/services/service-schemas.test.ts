import { describe, expect, it } from 'vitest';
import {
  CreateServiceBody,
  UpdateServiceBody,
} from '../../../../functions/domain/services/service-body.ts';
import { toWorkloadConfig } from '../../../../functions/domain/services/workload.ts';
import { serviceBody } from '../../../support/factories.ts';

const pathsOf = (input: unknown) =>
  CreateServiceBody.safeParse(input).error?.issues.map((issue) => issue.path.join('.')) ??
  [];

describe('CreateServiceBody', () => {
  it('accepts the spec’s container service and fills in defaults', () => {
    const body = serviceBody('INFENV-26-000011', {
      config: { image: 'ghcr.io/apex-digital/payments-api:v2.4.1' },
    });

    const parsed = CreateServiceBody.parse(body);

    expect(parsed.config).toEqual({
      image: 'ghcr.io/apex-digital/payments-api:v2.4.1',
      replicas: 2,
      cpu: 0.5,
      memory_mb: 1024,
    });
  });

  it('names the type when it is unknown', () => {
    expect(pathsOf(serviceBody('INFENV-26-000011', { type: 'vm' }))).toEqual(['type']);
  });

  it('checks the config against the type it names', () => {
    const body = serviceBody('INFENV-26-000011', { type: 'message_queue' });

    expect(pathsOf(body)).toEqual(['config']);
  });

  it.each([
    [{ runtime: 'nodejs22' }, 'config.image'],
    [{ package: 's3://builds/a.zip' }, 'config.runtime'],
    [{ runtime: 'cobol85', package: 's3://builds/a.zip' }, 'config.runtime'],
    [{ image: 'nginx:1.27', timeout_seconds: 901 }, 'config.timeout_seconds'],
  ])('refuses the function config %j at %s', (config, path) => {
    const body = serviceBody('INFENV-26-000011', { type: 'serverless_function', config });

    expect(pathsOf(body)).toContain(path);
  });

  it.each([
    [{ instances: 6 }, 'config.instances'],
    [{ instance_size: 'huge' }, 'config.instance_size'],
    [{ engine: 'oracle' }, 'config.engine'],
    [{ version: 'latest' }, 'config.version'],
  ])('refuses the database config change %j at %s', (change, path) => {
    const config = {
      engine: 'postgres',
      version: '16.2',
      instance_size: 'medium',
      storage_gb: 50,
      ...change,
    };

    const body = serviceBody('INFENV-26-000011', { type: 'managed_database', config });

    expect(pathsOf(body)).toContain(path);
  });
});

describe('UpdateServiceBody', () => {
  it('refuses name, type and environment changes, naming each', () => {
    const result = UpdateServiceBody.safeParse({
      config: { cpu: 1 },
      name: 'x',
      type: 'message_queue',
      environment_id: 'INFENV-26-000001',
    });

    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(['name', 'type', 'environment_id']);
  });
});

describe('toWorkloadConfig', () => {
  it('keeps the sizing the driver meters and drops everything else', () => {
    const sizing = toWorkloadConfig({
      image: 'nginx:1.27',
      replicas: 3,
      cpu: 1,
      memory_mb: 2048,
      port: 8080,
    });

    expect(sizing).toEqual({ replicas: 3, cpu: 1, memory_mb: 2048 });
  });
});
