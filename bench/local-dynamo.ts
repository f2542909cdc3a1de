/** A DynamoDB Local endpoint and the table a probe works in. */
export interface DynamoTarget {
  readonly endpoint: string;
  readonly tableName: string;
}

/**
 * The environment of a child process that talks to DynamoDB Local through the SDK:
 * placeholder credentials (DynamoDB Local ignores signatures), no instance metadata
 * lookups, and the endpoint and table to use.
 */
export function localDynamoEnvironment(dynamo: DynamoTarget): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    TABLE_NAME: dynamo.tableName,
  };
}
