import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { HealthStatus } from '../drivers/driver.ts';
import { documentClient } from './client.ts';
import * as keys from './keys.ts';
import { tableName } from './table.ts';
import { sendPastTransactions } from './transact.ts';

/** A service's latest health reading, as stored in its `health` attribute. */
export interface StoredServiceHealth {
  readonly score: number;
  readonly status: HealthStatus;
  readonly availability?: number;
  readonly error_rate?: number;
  readonly latency_p99_ms?: number | null;
  readonly source?: string;
  readonly observed_at?: string;
}

/**
 * Builds the update of a service's health reading. It fails when the service is gone
 * or not running, or already holds a reading observed later, so a late signal never
 * overwrites a newer one.
 */
export function buildRecordServiceHealth(serviceId: string, health: StoredServiceHealth) {
  return {
    TableName: tableName(),
    Key: keys.service(serviceId),
    UpdateExpression: 'SET #health = :health',
    ConditionExpression:
      'attribute_exists(pk) AND #status = :running AND (attribute_not_exists(#health.#observed) OR #health.#observed <= :observed)',
    ExpressionAttributeNames: {
      '#health': 'health',
      '#observed': 'observed_at',
      '#status': 'status',
    },
    ExpressionAttributeValues: {
      ':health': health,
      ':observed': health.observed_at,
      ':running': 'running',
    },
    ReturnValues: 'ALL_OLD' as const,
  };
}

/**
 * Stores a reading of a running service; returns the one it replaced (if any), or
 * null when it was stale or the service no longer runs.
 */
export async function recordServiceHealth(
  serviceId: string,
  health: StoredServiceHealth,
): Promise<{ previous: StoredServiceHealth | undefined } | null> {
  try {
    const result = await sendPastTransactions(() =>
      documentClient.send(new UpdateCommand(buildRecordServiceHealth(serviceId, health))),
    );
    return { previous: result.Attributes?.health as StoredServiceHealth | undefined };
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException')
      return null;
    throw error;
  }
}
