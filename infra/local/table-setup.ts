import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { TABLE } from '../../functions/store/table.ts';

const attribute = (name: string) => ({
  AttributeName: name,
  AttributeType: 'S' as const,
});

const keySchema = (partitionKey: string, sortKey: string) => [
  { AttributeName: partitionKey, KeyType: 'HASH' as const },
  { AttributeName: sortKey, KeyType: 'RANGE' as const },
];

function indexDefinition(index: (typeof TABLE.indexes)[number]) {
  return {
    IndexName: index.name,
    KeySchema: keySchema(index.partitionKey, index.sortKey),
    Projection: { ProjectionType: 'ALL' as const },
  };
}

/**
 * Creates the table from the shared definition, or adds indexes it lacks. Answers
 * whether the table was created now (rather than found from an earlier run).
 */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
): Promise<{ readonly created: boolean }> {
  const existing = await describe(client, tableName);
  if (!existing) {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          attribute(TABLE.partitionKey),
          attribute(TABLE.sortKey),
          ...TABLE.indexes.flatMap((index) => [
            attribute(index.partitionKey),
            attribute(index.sortKey),
          ]),
        ],
        KeySchema: keySchema(TABLE.partitionKey, TABLE.sortKey),
        GlobalSecondaryIndexes: TABLE.indexes.map(indexDefinition),
        StreamSpecification: { StreamEnabled: true, StreamViewType: TABLE.stream },
      }),
    );
  } else {
    const present = new Set(
      (existing.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName),
    );
    for (const index of TABLE.indexes.filter(
      (candidate) => !present.has(candidate.name),
    )) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: [attribute(index.partitionKey), attribute(index.sortKey)],
          GlobalSecondaryIndexUpdates: [{ Create: indexDefinition(index) }],
        }),
      );
    }
  }
  await client
    .send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      }),
    )
    .catch((error: unknown) => {
      // DynamoDB Local refuses to enable TTL twice; a table that already has it is fine.
      if (!(error instanceof Error && /already enabled/i.test(error.message)))
        throw error;
    });
  return { created: !existing };
}

async function describe(client: DynamoDBClient, tableName: string) {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}
