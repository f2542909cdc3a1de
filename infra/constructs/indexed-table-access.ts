import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { TABLE } from '../../functions/store/table.ts';
import type { PlatformFunction } from './platform-function.ts';

/**
 * What the health and incident functions do with the table: read, put, update and
 * delete items by key (alone or in transactions) and query the table and its named
 * indexes. No Scan, no batch writes, no stream.
 */
export const INDEXED_ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
] as const;

/**
 * Grants item actions on the table and Query on the table and each of its global
 * secondary indexes, naming every index rather than `index/*`.
 */
export function grantIndexedItemAccess(
  fn: PlatformFunction,
  table: dynamodb.Table,
  actions: readonly string[] = INDEXED_ITEM_ACTIONS,
): void {
  fn.addToRolePolicy(
    new iam.PolicyStatement({ actions: [...actions], resources: [table.tableArn] }),
  );
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ['dynamodb:Query'],
      resources: [
        table.tableArn,
        ...TABLE.indexes.map((index) => `${table.tableArn}/index/${index.name}`),
      ],
    }),
  );
}
