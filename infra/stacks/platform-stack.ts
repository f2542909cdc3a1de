import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ROUTES, type Route } from '../../functions/http/routes.ts';
import { Api } from '../constructs/api.ts';
import { CursorSecret } from '../constructs/cursor-secret.ts';
import { Data } from '../constructs/data.ts';
import { RouteFunctions } from '../constructs/route-functions.ts';
import type { StageConfig } from '../stage-config.ts';

export interface PlatformStackProps extends StackProps {
  readonly config: StageConfig;
  /** The HTTP routes to deploy. @default ROUTES, the route table in `functions/http` */
  readonly routes?: readonly Route[];
}

/** Stages whose data may be thrown away with the stack. */
const DISPOSABLE_STAGES: ReadonlySet<string> = new Set(['dev']);

/** The whole API for one stage: the table, the route functions and the HTTP API. */
export class PlatformStack extends Stack {
  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, props);
    const { config } = props;
    const routes = props.routes ?? ROUTES;

    const data = new Data(this, 'Data', { retain: !DISPOSABLE_STAGES.has(config.stage) });
    const cursorKey = new CursorSecret(this, 'CursorSigningKey');
    const functions = new RouteFunctions(this, 'Routes', {
      routes,
      table: data.table,
      environment: { CURSOR_SIGNING_KEY: cursorKey.environmentValue() },
    });
    const api = new Api(this, 'Api', config);
    for (const route of routes) api.addRoute(route, functions.get(route));

    new CfnOutput(this, 'ApiUrl', {
      value: api.url,
      description: 'Base URL of the HTTP API',
    });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
  }
}
