import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { EnvironmentType } from '../drivers/driver.ts';
import { documentClient } from './client.ts';
import { stripKeys } from './items.ts';
import * as keys from './keys.ts';
import { tableName } from './table.ts';

/** The last time an image succeeded in an environment type of an estate. */
export interface PromotionRecord {
  readonly estate_id: string;
  readonly environment_type: EnvironmentType;
  readonly image: string;
  readonly environment_id: string;
  readonly service_id: string;
  readonly deployment_id: string;
  readonly succeeded_at: string;
}

/**
 * Builds the upsert, for a deployment's success transaction, of the image's promotion
 * record: a later success of the same image in the same environment type replaces it.
 */
export function buildRecordPromotion(record: PromotionRecord) {
  return {
    TableName: tableName(),
    Item: {
      ...keys.promotion(record.estate_id, record.environment_type, record.image),
      entity: 'promotion',
      ...record,
    },
  };
}

/** Reads the promotion record of an image in an environment type, or undefined. */
export async function getPromotion(
  estateId: string,
  environmentType: EnvironmentType,
  image: string,
): Promise<PromotionRecord | undefined> {
  const result = await documentClient.send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.promotion(estateId, environmentType, image),
    }),
  );
  return result.Item ? stripKeys<PromotionRecord>(result.Item) : undefined;
}
