import { SPEC_EXAMPLES as SPEC } from './spec-examples.ts';

const TIMES = { created_at: '2026-04-01T09:00:00Z', updated_at: '2026-04-15T10:30:00Z' };

const estate = {
  ...SPEC.estateList.data[0],
  // Linear on the month so far: 4820.00 by the 15th of a 30-day month.
  cost_forecast: 9640.0,
  updated_at: TIMES.updated_at,
  subscription_id: 'SUB-26-001122',
  project_tags: ['PROJ-26-004281'],
  tier: 'managed',
  status_reason: null,
  config: SPEC.createEstate.config,
};

const environmentExtras = { ...TIMES, config: { variables: { LOG_LEVEL: 'info' } } };

const service = {
  ...SPEC.serviceList.data[0],
  estate_id: 'ESTATE-26-000004',
  status_reason: null,
  current_image: 'ghcr.io/apex-digital/payments-api:v2.4.0',
  ...TIMES,
  config: {
    image: 'ghcr.io/apex-digital/payments-api:v2.4.0',
    replicas: 4,
    cpu: 1,
    memory_mb: 2048,
    port: 8080,
  },
};

const deployment = {
  ...SPEC.deploymentCreated.data,
  environment_id: SPEC.createDeployment.environment_id,
  service_id: SPEC.createDeployment.service_id,
  estate_id: 'ESTATE-26-000004',
  image: SPEC.createDeployment.image,
  previous_image: 'ghcr.io/apex-digital/payments-api:v2.4.0',
  current_image: 'ghcr.io/apex-digital/payments-api:v2.4.0',
  progress: {
    batches_done: 0,
    batches_total: 4,
    batches_rolled_back: 0,
    batch_size: 1,
    replicas: 4,
    max_unavailable: 1,
    min_health_score: 60,
  },
  cancel_requested: false,
  failure_reason: null,
  triggered_by: SPEC.createDeployment.triggered_by,
  updated_at: SPEC.deploymentCreated.data.started_at,
  finished_at: null,
  break_glass: null,
};

const example = (summary: string, value: unknown) => ({ summary, value });

/** An operation's examples: its request body and its responses by status. */
export interface OperationExamples {
  readonly request?: ReturnType<typeof example>;
  readonly responses?: Readonly<Record<number, ReturnType<typeof example>>>;
}

/**
 * The reference draft's examples, by operation: the draft's fields and values as it
 * gives them, with the fields this API adds filled in so each one is a valid response.
 */
export const OPERATION_EXAMPLES: Readonly<Record<string, OperationExamples>> = {
  ListEstates: {
    responses: {
      200: example('A workspace with one estate', { data: [estate], next_cursor: null }),
    },
  },
  CreateEstate: {
    request: example('The reference estate', SPEC.createEstate),
    responses: {
      202: example('Provisioning has started', {
        data: {
          ...estate,
          service_line_id: null,
          status: 'provisioning',
          environment_count: 0,
          cost_mtd: 0,
          cost_forecast: 0,
          health_score: null,
          ...TIMES,
        },
      }),
    },
  },
  ListEnvironments: {
    responses: {
      200: example('Production and staging', {
        data: SPEC.environmentList.data.map((item) => ({
          ...item,
          cost_forecast: item.cost_mtd * 2,
          ...environmentExtras,
        })),
        next_cursor: null,
      }),
    },
  },
  ListServices: {
    responses: {
      200: example('One container service', { data: [service], next_cursor: null }),
    },
  },
  CreateService: {
    request: example('The spec’s payments-api', {
      environment_id: service.environment_id,
      name: service.name,
      type: service.type,
      config: service.config,
    }),
    responses: {
      202: example('Accepted; the workload is being created', {
        data: {
          ...service,
          status: 'provisioning',
          provider_resource: null,
          health: { score: null, status: 'unknown' },
          cost_mtd: 0,
          updated_at: TIMES.created_at,
        },
      }),
    },
  },
  CreateDeployment: {
    request: example('A rolling deployment', SPEC.createDeployment),
    responses: { 202: example('The deployment has started', { data: deployment }) },
  },
};

/**
 * Examples of routes still being built, kept under components/examples until their
 * operations exist.
 */
export const PLANNED_EXAMPLES = {
  CostsByEnvironment: example(
    'GET /v1/infrastructure/costs?estate_id=ESTATE-26-000004&from=2026-04-01&to=2026-04-15&group_by=environment',
    SPEC.costs,
  ),
};
