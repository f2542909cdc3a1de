import { Match } from 'aws-cdk-lib/assertions';
import { describe, it } from 'vitest';
import { TABLE } from '../../functions/store/table.ts';
import { onlyLogicalId } from './support/resources.ts';
import { templateFor } from './support/synth.ts';

describe('Data', () => {
  it('keys the table with the shared pk and sk', () => {
    const template = templateFor('dev');

    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
    });
  });

  it('projects every attribute into each index of the shared description', () => {
    const indexes = TABLE.indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    }));

    const template = templateFor('dev');

    template.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: indexes,
    });
  });

  it('streams new and old images and expires items by the TTL attribute', () => {
    const template = templateFor('dev');

    template.hasResourceProperties('AWS::DynamoDB::Table', {
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
    });
  });

  it('bills on demand, encrypts at rest and keeps point-in-time recovery', () => {
    const template = templateFor('dev');

    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it('protects and retains the table in prod', () => {
    const template = templateFor('prod');

    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
  });

  it('lets the dev table go with the stack', () => {
    const template = templateFor('dev');

    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });

  it('outputs the table name', () => {
    const template = templateFor('dev');

    const table = onlyLogicalId(template, 'AWS::DynamoDB::Table');

    template.hasOutput('TableName', { Value: { Ref: table } });
  });
});
