import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Reads a DynamoDB number exactly: an integer past 2^53 − 1 as a bigint (money in
 * femto-dollars gets there from about $9), anything else as a number. Only cost
 * attributes grow that large; counts, versions, prices and quantities stay far below.
 */
export function exactNumber(text: string): number | bigint {
  const value = Number(text);
  if (Number.isSafeInteger(value) || !/^-?\d+$/.test(text)) return value;
  return BigInt(text);
}

/**
 * One document client per process. The endpoint comes from the SDK's own
 * configuration (AWS_ENDPOINT_URL_DYNAMODB locally), never from code here. Writes
 * send bigints as DynamoDB numbers (38 digits); reads give them back exactly.
 */
export const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
  unmarshallOptions: { wrapNumbers: exactNumber },
});
