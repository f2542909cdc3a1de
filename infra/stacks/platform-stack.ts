import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ROUTES, type Route } from '../../functions/http/routes.ts';
import { Api } from '../constructs/api.ts';
import { CursorSecret } from '../constructs/cursor-secret.ts';
import { Data } from '../constructs/data.ts';
import { DeploymentWorkflow } from '../constructs/deployment-workflow.ts';
import { EstateWorkflows } from '../constructs/estate-workflows.ts';
import { Health } from '../constructs/health.ts';
import { Incidents } from '../constructs/incidents.ts';
import { PlatformEvents } from '../constructs/platform-events.ts';
import { RouteFunctions } from '../constructs/route-functions.ts';
import { ServiceWorkflow } from '../constructs/service-workflow.ts';
import { UsageCollector } from '../constructs/usage-collector.ts';
import { WorkflowStarter } from '../constructs/workflow-starter.ts';
import type { StageConfig } from '../stage-config.ts';

export interface PlatformStackProps extends StackProps {
  readonly config: StageConfig;
  /** The HTTP routes to deploy. @default ROUTES, the route table in `functions/http` */
  readonly routes?: readonly Route[];
}

/** Stages whose data may be thrown away with the stack. */
const DISPOSABLE_STAGES: ReadonlySet<string> = new Set(['dev']);

/**
 * The whole API for one stage: the table, the route functions, the HTTP API, the
 * estate, service and deployment workflows with their starter, and the platform events.
 */
export class PlatformStack extends Stack {
  /** The provisioning and deprovisioning workflows. */
  readonly estates: EstateWorkflows;
  /** The event bus, the outbox publisher and its dead-letter queue. */
  readonly events: PlatformEvents;
  /** The rolling deployment workflow. */
  readonly deployments: DeploymentWorkflow;
  /** The workflow that creates each new service's workload. */
  readonly services: ServiceWorkflow;
  /** The function that starts the workflows requests ask for, from the table's stream. */
  readonly workflowStarter: WorkflowStarter;
  /** The health schedule and the roster of estates it reads. */
  readonly health: Health;
  /** The rule and function that open and resolve incidents from platform events. */
  readonly incidents: Incidents;
  /** The hourly usage collector and its schedule. */
  readonly usageCollector: UsageCollector;

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, props);
    const { config } = props;
    const routes = props.routes ?? ROUTES;

    const data = new Data(this, 'Data', { retain: !DISPOSABLE_STAGES.has(config.stage) });
    const cursorKey = new CursorSecret(this, 'CursorSigningKey');
    const events = new PlatformEvents(this, 'Events', {
      stage: config.stage,
      table: data.table,
    });
    const estates = new EstateWorkflows(this, 'Estates', { table: data.table });
    const deployments = new DeploymentWorkflow(this, 'Deployments', {
      table: data.table,
    });
    this.events = events;
    this.estates = estates;
    this.deployments = deployments;
    const services = new ServiceWorkflow(this, 'Services', { table: data.table });
    this.services = services;
    this.workflowStarter = new WorkflowStarter(this, 'WorkflowStarts', {
      table: data.table,
      stateMachines: {
        provisioning: estates.provisioning,
        deprovisioning: estates.deprovisioning,
        deployment: deployments.stateMachine,
        service_provisioning: services.stateMachine,
      },
    });
    const linked = {
      table: data.table,
      bus: events.bus,
      deadLetters: events.deadLetters,
    };
    this.health = new Health(this, 'Health', linked);
    this.incidents = new Incidents(this, 'Incidents', linked);
    const functions = new RouteFunctions(this, 'Routes', {
      routes,
      table: data.table,
      environment: {
        CURSOR_SIGNING_KEY: cursorKey.environmentValue(),
        WORKSPACE_RATE_LIMIT_PER_MINUTE: String(config.workspaceRateLimitPerMinute),
      },
    });
    this.usageCollector = new UsageCollector(this, 'UsageCollector', {
      table: data.table,
    });
    const api = new Api(this, 'Api', config);
    for (const route of routes) api.addRoute(route, functions.get(route));

    new CfnOutput(this, 'ApiUrl', {
      value: api.url,
      description: 'Base URL of the HTTP API',
    });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    new CfnOutput(this, 'EventBusName', { value: events.bus.eventBusName });
  }
}
