import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { PlatformFunction } from './platform-function.ts';

/** How much of the table's data a function may touch through CDK's grants. */
export type TableAccess = 'read' | 'read-write';

/**
 * Grants a function CDK's read (or read-write) data actions on the table and its
 * indexes. Those grants name the indexes as `<table>/index/*`; the wildcard is
 * acknowledged here, next to the grant that makes it, for the functions that query
 * the global secondary indexes.
 */
export function grantTableData(
  fn: PlatformFunction,
  table: dynamodb.Table,
  access: TableAccess,
): void {
  if (access === 'read-write') table.grantReadWriteData(fn);
  else table.grantReadData(fn);

  const cfnTable = table.node.defaultChild as CfnElement;
  const logicalId = Stack.of(table).resolve(cfnTable.logicalId);
  Validations.of(fn.executionRole).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/index/*]`,
    reason:
      'Reads query the global secondary indexes; the wildcard covers only the ' +
      'indexes of the single table, which are all part of its access patterns.',
  });
}

/**
 * Grants a function exactly these item actions on the table itself and none on its
 * indexes, for functions that only get, put and update items by key. A new kind of
 * store call in such a function needs its action added where this is called.
 */
export function grantItemActions(
  fn: PlatformFunction,
  table: dynamodb.Table,
  actions: readonly string[],
): void {
  fn.addToRolePolicy(
    new iam.PolicyStatement({ actions: [...actions], resources: [table.tableArn] }),
  );
}
