import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { Route } from '../../functions/http/routes.ts';
import { PlatformFunction } from './platform-function.ts';
import { grantTableData } from './table-access.ts';

export interface RouteFunctionsProps {
  /** The routes to serve, one function each. */
  readonly routes: readonly Route[];
  /** The single table; every function may read it, `table:write` routes write it. */
  readonly table: dynamodb.Table;
  /** Variables every route function gets, on top of `TABLE_NAME`. */
  readonly environment: Readonly<Record<string, string>>;
  /** Powertools service name shared by the route functions. @default 'platforms-infrastructure-api' */
  readonly serviceName?: string;
}

/** One function per HTTP route, each granted only what its route table entry asks. */
export class RouteFunctions extends Construct {
  /** The function serving each route, keyed by route name. */
  readonly byName: ReadonlyMap<string, PlatformFunction>;

  constructor(scope: Construct, id: string, props: RouteFunctionsProps) {
    super(scope, id);

    const functions = new Map<string, PlatformFunction>();
    for (const route of props.routes)
      functions.set(route.name, this.routeFunction(route, props));
    this.byName = functions;
  }

  /** The function serving `route`. */
  get(route: Route): PlatformFunction {
    const fn = this.byName.get(route.name);
    if (!fn) throw new Error(`No function for route ${route.name}`);
    return fn;
  }

  private routeFunction(route: Route, props: RouteFunctionsProps): PlatformFunction {
    const fn = new PlatformFunction(this, route.name, {
      entry: route.entry,
      serviceName: props.serviceName ?? 'platforms-infrastructure-api',
      environment: { ...props.environment, TABLE_NAME: props.table.tableName },
    });

    const access = route.grants.includes('table:write') ? 'read-write' : 'read';
    grantTableData(fn, props.table, access);
    if (access === 'read' && route.authorized) grantRateLimitCount(fn, props.table);
    return fn;
  }
}

/**
 * Lets a read-only route count its request for the workspace rate limit: UpdateItem,
 * and only on items whose partition key is a rate-limit counter.
 */
function grantRateLimitCount(fn: PlatformFunction, table: dynamodb.Table): void {
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ['dynamodb:UpdateItem'],
      resources: [table.tableArn],
      conditions: {
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['RATELIMIT#*'] },
      },
    }),
  );
}
