import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { documentClient } from './client.ts';
import * as keys from './keys.ts';
import { tableName } from './table.ts';

/** A response kept for replay: status, the headers that matter, the exact body. */
export interface StoredResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** An idempotency record as the table holds it. */
export interface IdempotencyRecord {
  readonly status: 'in_progress' | 'completed';
  readonly fingerprint: string;
  /** Epoch milliseconds after which an in-progress record may be taken over. */
  readonly locked_until: number;
  readonly response?: StoredResponse;
}

export interface ClaimInput {
  readonly workspaceId: string;
  readonly key: string;
  readonly fingerprint: string;
  /** Names this claim, so only its owner completes or releases it. */
  readonly token: string;
  readonly nowMs: number;
  readonly lockMs: number;
  readonly ttlSeconds: number;
}

/**
 * Builds the conditional Put that claims a key. It succeeds when the key is new, when
 * its record outlived its TTL (DynamoDB deletes expired items lazily), or when an
 * in-progress claim for the same request went stale (its Lambda died mid-way).
 */
export function buildClaimKey(input: ClaimInput) {
  return {
    TableName: tableName(),
    Item: {
      ...keys.idempotency(input.workspaceId, input.key),
      entity: 'idempotency',
      status: 'in_progress',
      fingerprint: input.fingerprint,
      token: input.token,
      locked_until: input.nowMs + input.lockMs,
      expires_at: Math.floor(input.nowMs / 1000) + input.ttlSeconds,
    },
    ConditionExpression:
      'attribute_not_exists(pk) OR expires_at < :now_s OR ' +
      '(#status = :in_progress AND locked_until < :now_ms AND fingerprint = :fingerprint)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: {
      ':now_s': Math.floor(input.nowMs / 1000),
      ':now_ms': input.nowMs,
      ':in_progress': 'in_progress',
      ':fingerprint': input.fingerprint,
    },
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
  };
}

export type ClaimResult =
  | { readonly claimed: true }
  | { readonly claimed: false; readonly record: IdempotencyRecord };

/** Claims a key in one call; when it is taken, returns the record that holds it. */
export async function claimKey(input: ClaimInput): Promise<ClaimResult> {
  try {
    await documentClient.send(new PutCommand(buildClaimKey(input)));
    return { claimed: true };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException) || !error.Item) throw error;
    return { claimed: false, record: unmarshall(error.Item) as IdempotencyRecord };
  }
}

/** Builds the update that stores the response; only the claim's owner may store it. */
export function buildCompleteKey(
  workspaceId: string,
  key: string,
  token: string,
  response: StoredResponse,
  expiresAt: number,
) {
  return {
    TableName: tableName(),
    Key: keys.idempotency(workspaceId, key),
    UpdateExpression:
      'SET #status = :completed, #response = :response, expires_at = :exp',
    ConditionExpression: '#token = :token',
    ExpressionAttributeNames: {
      '#status': 'status',
      '#response': 'response',
      '#token': 'token',
    },
    ExpressionAttributeValues: {
      ':completed': 'completed',
      ':response': response,
      ':exp': expiresAt,
      ':token': token,
    },
  };
}

/** Builds the delete that frees a key for a corrected retry; only the owner may free it. */
export function buildReleaseKey(workspaceId: string, key: string, token: string) {
  return {
    TableName: tableName(),
    Key: keys.idempotency(workspaceId, key),
    ConditionExpression: '#token = :token',
    ExpressionAttributeNames: { '#token': 'token' },
    ExpressionAttributeValues: { ':token': token },
  };
}

/** Stores the response of a claimed request. */
export async function completeKey(
  ...args: Parameters<typeof buildCompleteKey>
): Promise<void> {
  await documentClient.send(new UpdateCommand(buildCompleteKey(...args)));
}

/** Frees a claimed key. */
export async function releaseKey(...args: Parameters<typeof buildReleaseKey>) {
  await documentClient.send(new DeleteCommand(buildReleaseKey(...args)));
}
