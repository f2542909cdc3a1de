import { describe, expect, it } from 'vitest';
import {
  CreateEnvironmentBody,
  UpdateEnvironmentBody,
} from '../../../../functions/domain/environments/environment-body.ts';
import { DnsLabel } from '../../../../functions/domain/fields.ts';
import { environmentBody } from '../../../support/factories.ts';

describe('DnsLabel', () => {
  it.each([
    ['production', true],
    ['preview-pr-123', true],
    ['a', true],
    [`a${'b'.repeat(62)}`, true],
    [`a${'b'.repeat(63)}`, false],
    ['1st', false],
    ['-prod', false],
    ['prod-', false],
    ['Prod', false],
    ['prod_eu', false],
    ['', false],
  ])('judges %s valid: %s', (name, valid) => {
    expect(DnsLabel.safeParse(name).success).toBe(valid);
  });
});

describe('CreateEnvironmentBody', () => {
  it('defaults the config to no variables', () => {
    const { config: _config, ...body } = environmentBody('ESTATE-26-000004');

    const parsed = CreateEnvironmentBody.parse(body);

    expect(parsed.config).toEqual({ variables: {} });
  });

  it('refuses a variable name that is not an identifier', () => {
    const body = environmentBody('ESTATE-26-000004', {
      config: { variables: { 'LOG-LEVEL': 'info' } },
    });

    const result = CreateEnvironmentBody.safeParse(body);

    expect(result.error?.issues[0]?.path).toEqual(['config', 'variables', 'LOG-LEVEL']);
  });
});

describe('UpdateEnvironmentBody', () => {
  it('names type as immutable', () => {
    const result = UpdateEnvironmentBody.safeParse({ name: 'prod', type: 'staging' });

    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['type']);
  });

  it('needs name or config', () => {
    expect(UpdateEnvironmentBody.safeParse({}).success).toBe(false);
    expect(UpdateEnvironmentBody.safeParse({ name: 'prod-eu' }).success).toBe(true);
  });
});
