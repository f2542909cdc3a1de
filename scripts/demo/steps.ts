import { SPEC_EXAMPLES } from '../../functions/openapi/spec-examples.ts';
import { type Api, waitFor } from './client.ts';

/** A step did not behave as the walkthrough says it should. */
export class StepFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StepFailedError';
  }
}

/** Throws StepFailedError with `message` unless `condition` holds. */
export function expectThat(condition: boolean, message: string): asserts condition {
  if (!condition) throw new StepFailedError(message);
}

/** What the walkthrough remembers from one step to the next. */
export interface DemoState {
  workspaceId: string;
  estateId?: string;
  serviceLineId?: string;
  environments: Record<string, string>;
  services: Record<string, string>;
  deployments: string[];
}

export interface Step {
  readonly title: string;
  readonly run: (api: Api, state: DemoState) => Promise<string[]>;
}

export const IMAGE = 'ghcr.io/apex-digital/payments-api:v2.4.1';
export const BAD_IMAGE = 'ghcr.io/apex-digital/payments-api:v2.5.0-unhealthy';

const must = (value: string | undefined, what: string): string => {
  expectThat(value !== undefined, `${what} is missing; an earlier step did not finish`);
  return value;
};

/** The spec's POST body for the payments estate. */
export const estateBody = (workspaceId: string) => ({
  ...SPEC_EXAMPLES.createEstate,
  workspace_id: workspaceId,
});

export const listEstates: Step = {
  title: 'List the workspace’s estates',
  run: async (api, state) => {
    const reply = await api(
      'GET',
      `/v1/infrastructure/estates?workspace_id=${state.workspaceId}`,
    );
    expectThat(reply.status === 200, `listing estates answered ${reply.status}`);
    const estates = reply.body.data as { id: string; name: string; status: string }[];
    return [
      `${estates.length} estate(s) in ${state.workspaceId}`,
      ...estates
        .slice(0, 5)
        .map((estate) => `${estate.id}  ${estate.status.padEnd(12)} ${estate.name}`),
    ];
  },
};

export const provisionEstate: Step = {
  title: 'Provision "Payments Platform Infrastructure"',
  run: async (api, state) => {
    const started = Date.now();
    const reply = await api(
      'POST',
      '/v1/infrastructure/estates',
      estateBody(state.workspaceId),
    );
    expectThat(
      reply.status === 202,
      `provisioning answered ${reply.status}: ${JSON.stringify(reply.body)}`,
    );
    expectThat(
      reply.body.data.status === 'provisioning',
      'a new estate should start out provisioning',
    );
    const id: string = reply.body.data.id;
    state.estateId = id;
    const estate = await waitFor<{ status: string; service_line_id: string }>(
      api,
      `/v1/infrastructure/estates/${id}`,
      (data) => data.status !== 'provisioning',
    );
    expectThat(estate.status === 'active', `the estate ended ${estate.status}`);
    state.serviceLineId = estate.service_line_id;
    const ready = await waitFor<{ type: string }[]>(
      api,
      `/v1/infrastructure/events?estate_id=${id}&type=infrastructure.estate.ready`,
      (events) => events.length > 0,
    );
    expectThat(ready.length === 1, `expected one ready event, saw ${ready.length}`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    return [
      `${id} provisioning → active in ${seconds}s`,
      `service line ${estate.service_line_id}`,
      'infrastructure.estate.ready received once',
    ];
  },
};

export const setPolicies: Step = {
  title: 'Set policies first: allowed regions, registry allowlist, promotion order',
  run: async (api, state) => {
    const estateId = must(state.estateId, 'the estate');
    const policies = [
      {
        name: 'EU only',
        kind: 'allowed_regions',
        parameters: { regions: ['eu-west-1', 'eu-central-1'] },
      },
      {
        name: 'Our registry',
        kind: 'allowed_image_registries',
        parameters: { registries: ['ghcr.io/apex-digital'] },
      },
      {
        name: 'Staging before production',
        kind: 'promotion_order',
        parameters: {
          from_environment_type: 'staging',
          to_environment_type: 'production',
        },
      },
    ];
    const lines: string[] = [];
    for (const policy of policies) {
      const reply = await api('POST', '/v1/infrastructure/policies', {
        estate_id: estateId,
        enforcement: 'enforce',
        ...policy,
      });
      expectThat(
        reply.status === 201,
        `creating the ${policy.kind} policy answered ${reply.status}: ${JSON.stringify(reply.body)}`,
      );
      lines.push(`${reply.body.data.id}  ${policy.kind.padEnd(26)} enforce`);
    }
    return lines;
  },
};

export const createEnvironments: Step = {
  title: 'Create production, staging and development environments',
  run: async (api, state) => {
    const estateId = must(state.estateId, 'the estate');
    const lines: string[] = [];
    for (const name of ['production', 'staging', 'development']) {
      const reply = await api('POST', '/v1/infrastructure/environments', {
        estate_id: estateId,
        name,
        type: name,
      });
      expectThat(
        reply.status === 201,
        `creating ${name} answered ${reply.status}: ${JSON.stringify(reply.body)}`,
      );
      state.environments[name] = reply.body.data.id;
      lines.push(`${reply.body.data.id}  ${name}`);
    }
    const estate = (await api('GET', `/v1/infrastructure/estates/${estateId}`)).body.data;
    expectThat(
      estate.environment_count === 3,
      `the estate counts ${estate.environment_count} environments`,
    );
    return [...lines, `environment_count ${estate.environment_count}`];
  },
};

export const createServices: Step = {
  title:
    'Create the payments-api container service in staging and production, and wait for it to run',
  run: async (api, state) => {
    const lines: string[] = [];
    for (const name of ['staging', 'production']) {
      const environmentId = must(state.environments[name], `the ${name} environment`);
      const reply = await api('POST', '/v1/infrastructure/services', {
        environment_id: environmentId,
        name: 'payments-api',
        type: 'container_service',
        config: {
          image: 'ghcr.io/apex-digital/payments-api:v2.4.0',
          replicas: 3,
          cpu: 0.5,
          memory_mb: 1024,
          port: 8080,
        },
      });
      expectThat(
        reply.status === 202 && reply.body.data.status === 'provisioning',
        `creating the ${name} service answered ${reply.status}: ${JSON.stringify(reply.body)}`,
      );
      const id: string = reply.body.data.id;
      state.services[name] = id;
      const service = await waitFor<{
        status: string;
        provider_resource: string;
        health: { score: number };
      }>(
        api,
        `/v1/infrastructure/services/${id}`,
        (data) => data.status !== 'provisioning',
      );
      expectThat(
        service.status === 'running',
        `the ${name} service ended ${service.status}`,
      );
      lines.push(
        `${id}  ${name.padEnd(11)} provisioning → running  ${service.provider_resource}  health ${service.health.score}`,
      );
    }
    return lines;
  },
};

/** Deploys an image and waits for the deployment to end; returns it. */
export async function deployAndWait(
  api: Api,
  state: DemoState,
  environment: string,
  image: string,
) {
  const body = {
    environment_id: must(
      state.environments[environment],
      `the ${environment} environment`,
    ),
    service_id: must(state.services[environment], `the ${environment} service`),
    image,
    strategy: 'rolling',
    triggered_by: 'USR-26-000044',
  };
  const reply = await api('POST', '/v1/infrastructure/deployments', body);
  if (reply.status !== 202) return { reply, deployment: undefined };
  state.deployments.push(reply.body.data.deployment_id);
  const deployment = await waitFor<{
    status: string;
    failure_reason: string | null;
    progress: { batches_done: number; batches_total: number };
  }>(
    api,
    `/v1/infrastructure/deployments/${reply.body.data.deployment_id}`,
    (data) => !['in_progress', 'rolling_back'].includes(data.status),
  );
  return { reply, deployment };
}

export const rollOut: Step = {
  title: `Deploy ${IMAGE}: production first (refused), then staging, then production`,
  run: async (api, state) => {
    const early = await deployAndWait(api, state, 'production', IMAGE);
    expectThat(
      early.reply.status === 422,
      `deploying to production first answered ${early.reply.status}`,
    );
    expectThat(
      early.reply.body.code === 'policy_denied',
      `the refusal's code is ${early.reply.body.code}`,
    );
    const kinds = (early.reply.body.violations as { kind: string }[]).map(
      (violation) => violation.kind,
    );
    expectThat(
      kinds.includes('promotion_order'),
      `the refusal names ${kinds.join(', ')}`,
    );
    const lines = [`production first → 422 policy_denied (${kinds.join(', ')})`];
    for (const environment of ['staging', 'production']) {
      const { reply, deployment } = await deployAndWait(api, state, environment, IMAGE);
      expectThat(
        reply.status === 202,
        `the ${environment} deployment answered ${reply.status}: ${JSON.stringify(reply.body)}`,
      );
      expectThat(
        deployment?.status === 'succeeded',
        `the ${environment} deployment ended ${deployment?.status}`,
      );
      lines.push(
        `${reply.body.data.deployment_id}  ${environment.padEnd(11)} rolling → succeeded (${deployment.progress.batches_done}/${deployment.progress.batches_total} batches)`,
      );
    }
    const service = (
      await api(
        'GET',
        `/v1/infrastructure/services/${must(state.services.production, 'the production service')}`,
      )
    ).body.data;
    expectThat(
      service.current_image === IMAGE,
      `production runs ${service.current_image}`,
    );
    return [...lines, `production now runs ${service.current_image}`];
  },
};

export const rollBack: Step = {
  title: 'Deploy an unhealthy image to staging: it rolls back and opens an incident',
  run: async (api, state) => {
    // The promotion policy keeps an image that never passed staging out of
    // production, so the bad image meets its health gate in staging.
    const { reply, deployment } = await deployAndWait(api, state, 'staging', BAD_IMAGE);
    expectThat(
      reply.status === 202,
      `the deployment answered ${reply.status}: ${JSON.stringify(reply.body)}`,
    );
    expectThat(
      deployment?.status === 'rolled_back',
      `the deployment ended ${deployment?.status}`,
    );
    const service = (
      await api(
        'GET',
        `/v1/infrastructure/services/${must(state.services.staging, 'the staging service')}`,
      )
    ).body.data;
    expectThat(
      service.current_image === IMAGE,
      `staging runs ${service.current_image} after the rollback`,
    );
    const deploymentId: string = reply.body.data.deployment_id;
    const incidents = await waitFor<
      {
        id: string;
        severity: string;
        title: string;
        suspected_changes: { id: string }[];
      }[]
    >(
      api,
      `/v1/infrastructure/incidents?estate_id=${must(state.estateId, 'the estate')}&status=open`,
      (open) =>
        open.some((incident) =>
          incident.suspected_changes.some((change) => change.id === deploymentId),
        ),
    );
    const incident = incidents.find((candidate) =>
      candidate.suspected_changes.some((change) => change.id === deploymentId),
    );
    expectThat(incident !== undefined, 'no incident names the rolled-back deployment');
    return [
      `${deploymentId}  rolling → rolled_back`,
      `reason: ${deployment.failure_reason}`,
      `staging still runs ${service.current_image}`,
      `${incident.id}  ${incident.severity}  ${incident.title}`,
      `suspected changes: ${incident.suspected_changes.map((change) => change.id).join(', ')}`,
    ];
  },
};

/** Usage worth a round amount for a service, this month. */
function usageFor(serviceId: string, vcpuHours: number, tag: string) {
  const time = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    {
      record_id: `demo-${tag}-vcpu`,
      service_id: serviceId,
      metric: 'vcpu_hours',
      quantity: vcpuHours,
      time,
      source: 'demo',
    },
    {
      record_id: `demo-${tag}-mem`,
      service_id: serviceId,
      metric: 'memory_gb_hours',
      quantity: vcpuHours * 2,
      time,
      source: 'demo',
    },
  ];
}

export const costs: Step = {
  title: 'Record usage and show costs by environment and by service',
  run: async (api, state) => {
    const estateId = must(state.estateId, 'the estate');
    const records = [
      ...usageFor(
        must(state.services.production, 'the production service'),
        1200,
        `${estateId}-prod`,
      ),
      ...usageFor(
        must(state.services.staging, 'the staging service'),
        300,
        `${estateId}-staging`,
      ),
    ];
    const ingested = await api('POST', '/v1/infrastructure/usage', { records });
    expectThat(
      ingested.status === 200 || ingested.status === 202,
      `usage answered ${ingested.status}: ${JSON.stringify(ingested.body)}`,
    );
    const again = await api('POST', '/v1/infrastructure/usage', { records });
    const today = new Date().toISOString().slice(0, 10);
    const monthStart = `${today.slice(0, 8)}01`;
    const lines = [
      `${records.length} usage records accepted; sending them again changes nothing (${again.status})`,
    ];
    for (const group of ['environment', 'service']) {
      const reply = await api(
        'GET',
        `/v1/infrastructure/costs?estate_id=${estateId}&from=${monthStart}&to=${today}&group_by=${group}`,
      );
      expectThat(
        reply.status === 200,
        `costs by ${group} answered ${reply.status}: ${JSON.stringify(reply.body)}`,
      );
      const report = reply.body.data as {
        total: number;
        currency: string;
        breakdown: { group: string; cost: number; percent: number }[];
      };
      const sum = report.breakdown.reduce(
        (total, item) => total + Math.round(item.cost * 100),
        0,
      );
      expectThat(
        sum === Math.round(report.total * 100),
        `the ${group} breakdown does not add up to the total`,
      );
      expectThat(report.total > 0, 'the recorded usage costs nothing');
      lines.push(
        `by ${group}: total ${report.total.toFixed(2)} ${report.currency} = ${report.breakdown
          .map(
            (item) =>
              `${item.group} ${item.cost.toFixed(2)} (${item.percent.toFixed(1)}%)`,
          )
          .join(', ')}`,
      );
    }
    const estate = (await api('GET', `/v1/infrastructure/estates/${estateId}`)).body.data;
    const production = (
      await api(
        'GET',
        `/v1/infrastructure/environments/${must(state.environments.production, 'production')}`,
      )
    ).body.data;
    const service = (
      await api(
        'GET',
        `/v1/infrastructure/services/${must(state.services.production, 'the production service')}`,
      )
    ).body.data;
    expectThat(
      estate.cost_mtd > 0 && production.cost_mtd > 0 && service.cost_mtd > 0,
      'cost_mtd is missing on an object',
    );
    lines.push(
      `cost_mtd: estate ${estate.cost_mtd.toFixed(2)} (forecast ${estate.cost_forecast.toFixed(2)}), production ${production.cost_mtd.toFixed(2)}, payments-api ${service.cost_mtd.toFixed(2)} ${estate.currency}`,
    );
    return lines;
  },
};

export const eventTrail: Step = {
  title: 'Print the estate’s event trail',
  run: async (api, state) => {
    const estateId = must(state.estateId, 'the estate');
    const events: { time: string; type: string; subject_id: string }[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const reply = await api(
        'GET',
        `/v1/infrastructure/events?estate_id=${estateId}&limit=100${query}`,
      );
      expectThat(reply.status === 200, `the event feed answered ${reply.status}`);
      events.push(...reply.body.data);
      cursor = reply.body.next_cursor;
    } while (cursor);
    expectThat(
      events[0]?.type === 'infrastructure.estate.provisioning_started',
      'the trail should start with provisioning_started',
    );
    return events.map(
      (event) =>
        `${event.time.slice(11, 23)}  ${event.type.padEnd(44)} ${event.subject_id}`,
    );
  },
};
