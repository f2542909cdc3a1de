import { describe, expect, it } from 'vitest';
import * as keys from '../../../functions/store/keys.ts';

describe('keys of policies and promotion records', () => {
  it('gives policies a partition prefix and a gsi1 list of their own', () => {
    const policy = keys.policy('INFPOL-26-000001');

    const byEstate = keys.policyByEstate('ESTATE-26-000001', 'INFPOL-26-000001');

    expect(policy).toEqual({ pk: 'POLICY#INFPOL-26-000001', sk: 'POLICY' });
    expect(byEstate.gsi1pk).toBe(keys.estatePolicies('ESTATE-26-000001'));
    expect(byEstate.gsi1pk).not.toBe(keys.estateEnvironments('ESTATE-26-000001'));
  });

  it('keeps promotion records in the estate’s partition, outside the event range', () => {
    const record = keys.promotion('ESTATE-26-000001', 'staging', 'ghcr.io/a/b:v1');

    expect(record.pk).toBe(keys.estate('ESTATE-26-000001').pk);
    expect(record.sk).toBe('PROMOTED#staging#ghcr.io/a/b:v1');
    expect(record.sk.startsWith('EVENT#')).toBe(false);
  });
});
