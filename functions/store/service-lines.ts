import * as keys from './keys.ts';
import { tableName } from './table.ts';

/** A service line: the platform's billing and metering unit an estate maps to. */
export interface ServiceLine {
  readonly id: string;
  readonly workspace_id: string;
  readonly estate_id: string;
  readonly execution_model: 'infra_managed';
  readonly status: 'active' | 'closed';
  readonly created_at: string;
}

/** Builds the Put of a new service line; it fails if the ID is already taken. */
export function buildPutServiceLine(line: ServiceLine) {
  return {
    TableName: tableName(),
    Item: { ...keys.serviceLine(line.id), entity: 'service_line', ...line },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}
