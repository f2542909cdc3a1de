import { describe, expect, it } from 'vitest';
import {
  buildAddServiceCount,
  buildDeleteEnvironment,
} from '../../../functions/store/environment-writes.ts';
import { buildListEnvironments } from '../../../functions/store/environments.ts';
import {
  buildAddEnvironmentCount,
  buildCheckEstateStatus,
} from '../../../functions/store/estates.ts';
import {
  buildClaimEnvironmentName,
  buildReleaseEnvironmentName,
} from '../../../functions/store/names.ts';

describe('buildAddEnvironmentCount', () => {
  it('adds to the counter only while the estate is in an allowed status', () => {
    const update = buildAddEnvironmentCount('ESTATE-26-000004', 1, [
      'active',
      'degraded',
    ]);

    expect(update.UpdateExpression).toBe('ADD #count :delta');
    expect(update.ConditionExpression).toBe(
      'attribute_exists(pk) AND #status IN (:status0, :status1)',
    );
    expect(update.ExpressionAttributeValues).toEqual({
      ':delta': 1,
      ':status0': 'active',
      ':status1': 'degraded',
    });
  });

  it('only needs the estate to exist when no status is given', () => {
    const update = buildAddEnvironmentCount('ESTATE-26-000004', -1);

    expect(update.ConditionExpression).toBe('attribute_exists(pk)');
    expect(update.ExpressionAttributeNames).toEqual({ '#count': 'environment_count' });
  });
});

describe('buildCheckEstateStatus', () => {
  it('checks the status without writing', () => {
    const check = buildCheckEstateStatus('ESTATE-26-000004', ['active']);

    expect(check).not.toHaveProperty('UpdateExpression');
    expect(check.ExpressionAttributeValues).toEqual({ ':status0': 'active' });
  });
});

describe('environment builders', () => {
  it('deletes an environment only while it has no services', () => {
    const deletion = buildDeleteEnvironment('INFENV-26-000011');

    expect(deletion.ConditionExpression).toBe('attribute_exists(pk) AND #count = :zero');
    expect(deletion.Key).toEqual({
      pk: 'ENVIRONMENT#INFENV-26-000011',
      sk: 'ENVIRONMENT',
    });
  });

  it('counts services on an environment that exists', () => {
    const update = buildAddServiceCount('INFENV-26-000011', -1);

    expect(update.ConditionExpression).toBe('attribute_exists(pk)');
    expect(update.ExpressionAttributeValues).toEqual({ ':delta': -1 });
  });

  it('lists an estate’s environments on gsi1 with only the filters given', () => {
    const plain = buildListEnvironments('ESTATE-26-000004', {});
    const filtered = buildListEnvironments('ESTATE-26-000004', { type: 'preview' });

    expect(plain).not.toHaveProperty('FilterExpression');
    expect(plain.ExpressionAttributeValues).toEqual({
      ':pk': 'ESTATE#ESTATE-26-000004#ENVIRONMENTS',
    });
    expect(filtered.FilterExpression).toBe('#f_type = :f_type');
    expect(filtered.ExpressionAttributeValues).toMatchObject({ ':f_type': 'preview' });
  });
});

describe('name claims', () => {
  it('claims a free name and releases it only for its owner', () => {
    const claim = buildClaimEnvironmentName('ESTATE-26-000004', 'production', 'INFENV-1');
    const release = buildReleaseEnvironmentName(
      'ESTATE-26-000004',
      'production',
      'INFENV-1',
    );

    expect(claim.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(claim.Item).toMatchObject({ sk: 'ENVNAME#production', owner_id: 'INFENV-1' });
    expect(release.ConditionExpression).toBe('owner_id = :owner');
    expect(release.Key).toEqual({ pk: claim.Item.pk, sk: claim.Item.sk });
  });
});
