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
  workspace_id: workspaceId,
  subscription_id: 'SUB-26-001122',
  project_tags: ['PROJ-26-004281'],
  name: 'Payments Platform Infrastructure',
  provider: 'aws',
  region: 'eu-west-1',
  tier: 'managed',
  config: {
    vpc_cidr: '10.0.0.0/16',
    availability_zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
  },
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
  title: 'Create the payments-api container service in staging and production',
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
        reply.status === 201,
        `creating the ${name} service answered ${reply.status}: ${JSON.stringify(reply.body)}`,
      );
      state.services[name] = reply.body.data.id;
      lines.push(
        `${reply.body.data.id}  ${name.padEnd(11)} ${reply.body.data.provider_resource}  health ${reply.body.data.health.score}`,
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
  title: `Deploy ${IMAGE} to staging, then production`,
  run: async (api, state) => {
    const lines: string[] = [];
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
  title: 'Deploy an unhealthy image and watch it roll back',
  run: async (api, state) => {
    const { reply, deployment } = await deployAndWait(
      api,
      state,
      'production',
      BAD_IMAGE,
    );
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
        `/v1/infrastructure/services/${must(state.services.production, 'the production service')}`,
      )
    ).body.data;
    expectThat(
      service.current_image === IMAGE,
      `production runs ${service.current_image} after the rollback`,
    );
    return [
      `${reply.body.data.deployment_id}  rolling → rolled_back`,
      `reason: ${deployment.failure_reason}`,
      `production still runs ${service.current_image}`,
    ];
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
