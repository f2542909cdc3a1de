import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { usageMeteredEvent } from '../../../functions/domain/costs/usage-events.ts';
import { documentClient } from '../../../functions/store/client.ts';
import * as keys from '../../../functions/store/keys.ts';
import { planBatches } from '../../../functions/store/usage-items.ts';
import {
  buildUsageTransaction,
  writeUsageBatch,
} from '../../../functions/store/usage-writes.ts';
import { pricedUsage } from '../../support/priced-usage.ts';

const dynamo = mockClient(documentClient);
const NOW = new Date('2026-04-15T11:00:00Z');
const eventFor = (records: readonly ReturnType<typeof pricedUsage>[]) =>
  usageMeteredEvent(records, NOW);

afterEach(() => {
  dynamo.reset();
});

describe('buildUsageTransaction', () => {
  it('puts the records, then adds to day rollups and subjects, then writes the event', () => {
    const records = [pricedUsage(), pricedUsage({ record_id: 'rec-2' })];

    const { items, subjects } = buildUsageTransaction(records, eventFor(records));

    expect(items.map((item) => Object.keys(item)[0])).toEqual([
      'Put',
      'Put',
      'Update',
      'Update',
      'Update',
      'Update',
      'Put',
    ]);
    expect(items.slice(3, 6).map((item) => item.Update?.Key)).toEqual([
      keys.estate('ESTATE-26-000004'),
      keys.environment('INFENV-26-000011'),
      keys.service('INFSVC-26-000041'),
    ]);
    expect(subjects.map((subject) => subject?.kind)).toEqual([
      undefined,
      undefined,
      undefined,
      'estate',
      'environment',
      'service',
      undefined,
    ]);
  });

  it('leaves out the subjects that are gone', () => {
    const records = [pricedUsage()];

    const { items } = buildUsageTransaction(
      records,
      eventFor(records),
      new Set(['service#INFSVC-26-000041']),
    );

    expect(items.map((item) => item.Update?.Key ?? null)).not.toContainEqual(
      keys.service('INFSVC-26-000041'),
    );
    expect(items).toHaveLength(5);
  });
});

describe('planBatches', () => {
  it('counts each subject’s item once towards a transaction’s limit', () => {
    // Record 1: Put, day rollup, estate, environment, service, event = 6 items;
    // each further service of the environment: Put, day rollup, service = 3 more.
    const records = [1, 2, 3, 4].map((n) =>
      pricedUsage({ record_id: `rec-${n}`, service_id: `INFSVC-26-00004${n}` }),
    );

    const batches = planBatches(records, 12);

    expect(batches.map((batch) => batch.length)).toEqual([3, 1]);
  });
});

describe('writeUsageBatch', () => {
  it('sends the batch again without a subject whose item is gone', async () => {
    const records = [pricedUsage()];
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(
        new TransactionCanceledException({
          message: 'Transaction cancelled',
          $metadata: {},
          CancellationReasons: [
            'None',
            'None',
            'None',
            'None',
            'ConditionalCheckFailed',
            'None',
          ].map((Code) => ({ Code })),
        }),
      )
      .resolves({});

    const result = await writeUsageBatch(records, eventFor);

    const retried = dynamo.commandCalls(TransactWriteCommand)[1]?.args[0].input;
    expect(result).toEqual({ written: records, duplicates: [] });
    expect(
      retried?.TransactItems?.map((item) => item.Update?.Key).filter(Boolean),
    ).toEqual([
      keys.costDay(
        'ESTATE-26-000004',
        '2026-04-15',
        'INFENV-26-000011',
        'INFSVC-26-000041',
        'vcpu_hours',
      ),
      keys.estate('ESTATE-26-000004'),
      keys.environment('INFENV-26-000011'),
    ]);
  });
});
