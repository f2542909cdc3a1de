import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.ts';
import * as keys from './keys.ts';
import { tableName } from './table.ts';

export const ID_PREFIXES = [
  'ESTATE',
  'LIN',
  'INFENV',
  'INFSVC',
  'DEPLOY',
  'INFPOL',
  'INFINC',
  'EVT',
  'BUDGET',
] as const;
export type IdPrefix = (typeof ID_PREFIXES)[number];

/** Two-digit UTC year, as used in every ID. */
export const idYear = (now: Date) => String(now.getUTCFullYear() % 100).padStart(2, '0');

/** Formats an ID; numbers past 999999 simply grow wider rather than wrap. */
export function formatId(prefix: IdPrefix, year: string, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** Builds the atomic counter increment for a prefix and year. */
export function buildNextSequence(prefix: IdPrefix, year: string) {
  return {
    TableName: tableName(),
    Key: keys.counter(prefix, year),
    UpdateExpression: 'ADD #value :one SET entity = :entity',
    ExpressionAttributeNames: { '#value': 'value' },
    ExpressionAttributeValues: { ':one': 1, ':entity': 'counter' },
    ReturnValues: 'UPDATED_NEW' as const,
  };
}

/**
 * Allocates the next ID for a prefix from an atomic counter in the table. A number is
 * never handed out twice; a number is skipped only when the write that was to use it
 * fails afterwards.
 */
export async function allocateId(prefix: IdPrefix, now = new Date()): Promise<string> {
  const year = idYear(now);
  const result = await documentClient.send(
    new UpdateCommand(buildNextSequence(prefix, year)),
  );
  const value = result.Attributes?.value;
  if (typeof value !== 'number') throw new Error(`counter ${prefix} returned no value`);
  return formatId(prefix, year, value);
}

/** The form every platform ID takes. */
export const idPattern = (prefix: string) => new RegExp(`^${prefix}-\\d{2}-\\d{6,}$`);
