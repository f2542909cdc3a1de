import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { lastWholeHour } from '../../functions/domain/costs/collect-usage.ts';
import { handler as collect } from '../../functions/schedules/collect-usage.ts';
import { documentClient } from '../../functions/store/client.ts';
import * as keys from '../../functions/store/keys.ts';
import { monthCostOf } from '../../functions/store/month-costs.ts';
import { tableName } from '../../functions/store/table.ts';
import { lambdaContext } from '../../infra/local/lambda-context.ts';
import { seedEnvironment, seedService } from '../support/costs.ts';
import { useLocalAws } from '../support/local-aws.ts';
import { seedActiveEstate } from '../support/seed.ts';

const local = useLocalAws();
const TWO_DAYS_AGO = new Date(Date.now() - 2 * 86_400_000).toISOString();

async function runningService() {
  const estate = await seedActiveEstate();
  const environmentId = await seedEnvironment(estate, 'production', TWO_DAYS_AGO);
  return seedService(estate, environmentId, { createdAt: TWO_DAYS_AGO });
}

const recordOf = (workspaceId: string, serviceId: string, hour: Date) =>
  documentClient.send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.usageRecord(
        workspaceId,
        `collector:${serviceId}:${hour.toISOString()}:vcpu_hours`,
      ),
    }),
  );

describe('the usage collector', () => {
  const collectorSchedule = () => {
    const name = local()
      .scheduler.names()
      .find((candidate) => candidate.includes('Collect'));
    if (!name) throw new Error('no usage collector schedule in the template');
    return name;
  };

  it('finds the hourly schedule in the synthesized template', () => {
    expect(collectorSchedule()).toMatch(/Collect/);
  });

  it('runs as the local schedule fires and ingests the last hour of running services', async () => {
    const service = await runningService();
    const [hour] = lastWholeHour(new Date());

    await local().scheduler.run(collectorSchedule());
    await vi.waitFor(
      async () => {
        const record = await recordOf('WS-26-000021', service.service_id, hour);
        expect(record.Item?.quantity).toBe(1);
      },
      { timeout: 20_000, interval: 200 },
    );
  });

  it('counts a rerun of the same hour once, whoever runs it', async () => {
    const service = await runningService();
    const time = new Date().toISOString();
    const context = lambdaContext('collector', 'test', 60_000);

    await collect({ time }, context);
    await collect({ time }, context);
    const item = await documentClient.send(
      new GetCommand({ TableName: tableName(), Key: keys.service(service.service_id) }),
    );
    const month = lastWholeHour(new Date(time))[0].toISOString().slice(0, 7);

    // 0.5 vCPU × 2 replicas for an hour in eu-west-1 plus 2 GB-hours of memory
    expect(monthCostOf(item.Item ?? {}, month)).toBe(
      1n * 43_718_400n * 1_000_000n + 2n * 4_800_600n * 1_000_000n,
    );
  });
});
