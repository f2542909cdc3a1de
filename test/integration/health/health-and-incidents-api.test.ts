import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { deleteEnvironment } from '../../../functions/domain/environments/delete-environment.ts';
import { evaluateEstateHealth } from '../../../functions/domain/health/evaluate-estate-health.ts';
import { createService } from '../../../functions/domain/services/create-service.ts';
import { deleteService } from '../../../functions/domain/services/delete-service.ts';
import { CreateServiceBody } from '../../../functions/domain/services/service-body.ts';
import { handler as getEstateHealth } from '../../../functions/http/estates/get-estate-health.ts';
import { handler as acknowledgeIncident } from '../../../functions/http/incidents/acknowledge-incident.ts';
import { handler as getIncident } from '../../../functions/http/incidents/get-incident.ts';
import { handler as listIncidents } from '../../../functions/http/incidents/list-incidents.ts';
import { handler as resolveIncident } from '../../../functions/http/incidents/resolve-incident.ts';
import { handler as recordHealth } from '../../../functions/http/services/record-service-health.ts';
import { documentClient } from '../../../functions/store/client.ts';
import { getEnvironment } from '../../../functions/store/environments.ts';
import { getEstate } from '../../../functions/store/estates.ts';
import { listEvents } from '../../../functions/store/events.ts';
import * as keys from '../../../functions/store/keys.ts';
import {
  buildClaimEnvironmentName,
  buildClaimServiceName,
} from '../../../functions/store/names.ts';
import { getService } from '../../../functions/store/services.ts';
import { tableName } from '../../../functions/store/table.ts';
import { serviceBody } from '../../support/factories.ts';
import { call } from '../../support/http.ts';
import {
  seedActiveEstate,
  seedContainerService,
  seedEnvironment,
} from '../../support/seed.ts';
import { useTable } from '../../support/table.ts';

useTable();

const INCIDENTS = '/v1/infrastructure/incidents';
const SERVICES = '/v1/infrastructure/services';
let clock = Date.parse('2026-04-15T10:00:00Z');

/** A signal observed one second after the previous one. */
const signal = (availability: number, error_rate: number) => {
  clock += 1000;
  return {
    source: 'synthetics-eu',
    availability,
    error_rate,
    latency_p99_ms: 420,
    observed_at: new Date(clock).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
};
const UNHEALTHY = () => signal(0.5, 0.5);
const HEALTHY = () => signal(1, 0);

const record = (serviceId: string, body: unknown, workspaceId?: string) =>
  call(recordHealth, {
    routeKey: `POST ${SERVICES}/{id}/health`,
    path: `${SERVICES}/${serviceId}/health`,
    pathParameters: { id: serviceId },
    body,
    ...(workspaceId ? { workspaceId } : {}),
  });
const list = (query: string) =>
  call(listIncidents, { routeKey: `GET ${INCIDENTS}`, path: INCIDENTS, query });
const onIncident = (handler: typeof acknowledgeIncident, action: string, id: string) =>
  call(handler, {
    routeKey: `POST ${INCIDENTS}/{id}/${action}`,
    path: `${INCIDENTS}/${id}/${action}`,
    pathParameters: { id },
  });
const health = (estateId: string) =>
  call(getEstateHealth, {
    routeKey: 'GET /v1/infrastructure/estates/{id}/health',
    path: `/v1/infrastructure/estates/${estateId}/health`,
    pathParameters: { id: estateId },
  });
const eventTypes = async (estateId: string, prefix: string) =>
  (await listEvents(estateId, {}, 100)).items
    .map((event) => event.type)
    .filter((type) => type.startsWith(prefix));

async function estateWithService() {
  const estate = await seedActiveEstate();
  const service = await seedContainerService(estate);
  return { estate, service };
}

describe('POST /v1/infrastructure/services/{id}/health', () => {
  it('stores the signal as the service’s health with a score', async () => {
    const { service } = await estateWithService();

    const response = await record(service.id, HEALTHY());

    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      service_id: service.id,
      applied: true,
      health: { score: 100, status: 'healthy', source: 'synthetics-eu' },
    });
  });

  it('degrades the estate on an unhealthy service and recovers it, each with its event', async () => {
    const { estate, service } = await estateWithService();

    await record(service.id, UNHEALTHY());
    const degraded = await getEstate(estate.id);
    await record(service.id, HEALTHY());
    const recovered = await getEstate(estate.id);

    expect(degraded?.status).toBe('degraded');
    expect(degraded?.health_score).toBeLessThan(70);
    expect(recovered?.status).toBe('active');
    expect(recovered?.health_score).toBeGreaterThanOrEqual(80);
    expect(await eventTypes(estate.id, 'infrastructure.estate.')).toEqual([
      'infrastructure.estate.degraded',
      'infrastructure.estate.recovered',
    ]);
  });

  it('keeps health readings out of the ETag; only the estate turning degraded moves it', async () => {
    const { getService } = await import('../../../functions/store/services.ts');
    const { estate, service } = await estateWithService();
    const estateBefore = await getEstate(estate.id);
    const serviceBefore = await getService(service.id);

    await record(service.id, signal(0.95, 0.03));
    const estateScored = await getEstate(estate.id);
    const serviceRead = await getService(service.id);
    await record(service.id, UNHEALTHY());
    const estateDegraded = await getEstate(estate.id);

    expect(estateScored?.status).toBe('active');
    expect(estateScored?.health_score).not.toBe(estateBefore?.health_score);
    expect(estateScored?.version).toBe(estateBefore?.version);
    expect(estateScored?.updated_at).toBe(estateBefore?.updated_at);
    expect(serviceRead?.health.score).not.toBe(serviceBefore?.health.score);
    expect(serviceRead?.version).toBe(serviceBefore?.version);
    expect(serviceRead?.updated_at).toBe(serviceBefore?.updated_at);
    expect(estateDegraded?.status).toBe('degraded');
    expect(estateDegraded?.version).toBe((estateBefore?.version ?? 0) + 1);
  });

  it('opens one incident however often the service reads unhealthy', async () => {
    const { estate, service } = await estateWithService();

    for (let round = 0; round < 3; round += 1) await record(service.id, UNHEALTHY());
    const incidents = await list(`estate_id=${estate.id}`);

    expect(incidents.body.data).toHaveLength(1);
    expect(incidents.body.data[0]).toMatchObject({
      type: 'infrastructure_failure',
      severity: 'critical',
      status: 'open',
      service_line_id: estate.service_line_id,
      cause: { code: 'service_unhealthy', resource_id: service.id },
    });
    expect(await eventTypes(estate.id, 'infrastructure.incident.')).toEqual([
      'infrastructure.incident.opened',
    ]);
  });

  it('resolves the incident by itself once the service reads healthy again', async () => {
    const { estate, service } = await estateWithService();
    await record(service.id, UNHEALTHY());

    await record(service.id, HEALTHY());
    const incidents = await list(`estate_id=${estate.id}`);

    expect(incidents.body.data[0]).toMatchObject({
      status: 'resolved',
      resolved_by: 'platform',
    });
  });

  it('ignores a signal observed before the one it holds', async () => {
    const { service } = await estateWithService();
    const late = HEALTHY();
    await record(service.id, UNHEALTHY());

    const response = await record(service.id, late);

    expect(response.body.data.applied).toBe(false);
  });

  it('refuses a share outside 0–1, naming the field', async () => {
    const { service } = await estateWithService();

    const response = await record(service.id, { ...HEALTHY(), availability: 1.5 });

    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('body.availability');
  });

  it('answers 404 for another workspace’s service', async () => {
    const { service } = await estateWithService();

    const response = await record(service.id, HEALTHY(), 'WS-26-000099');

    expect(response.status).toBe(404);
  });
});

describe('GET /v1/infrastructure/estates/{id}/health', () => {
  it('explains the score with weighted components, for the estate and each environment', async () => {
    const { estate, service } = await estateWithService();
    await record(service.id, UNHEALTHY());

    const response = await health(estate.id);

    const { data } = response.body;
    const sum = data.components.reduce(
      (total: number, component: { contribution: number }) =>
        total + component.contribution,
      0,
    );
    expect(data.score).toBe(Math.round(sum));
    expect(data.score).toBe((await getEstate(estate.id))?.health_score);
    expect(data.components.map((component: { name: string }) => component.name)).toEqual([
      'availability',
      'error_rate',
      'service_health',
      'open_incidents',
      'policy_violations',
    ]);
    expect(data.environments).toEqual([
      expect.objectContaining({
        environment_id: service.environment_id,
        name: 'production',
      }),
    ]);
  });

  it('leaves a service without a workload yet out of the service health', async () => {
    const { estate, service } = await estateWithService();
    await record(service.id, UNHEALTHY());
    const serviceHealthOf = async () =>
      (await health(estate.id)).body.data.components.find(
        (component: { name: string }) => component.name === 'service_health',
      )?.value;
    const before = await serviceHealthOf();
    const environment = await getEnvironment(service.environment_id);
    const current = await getEstate(estate.id);
    if (!environment || !current) throw new Error('the seeded estate is gone');
    const input = CreateServiceBody.parse(
      serviceBody(environment.id, { name: 'next-api' }),
    );

    const added = await createService(current, environment, input);
    await evaluateEstateHealth(estate.id);

    expect(added.status).toBe('provisioning');
    expect(before).toBeLessThan(100);
    expect(await serviceHealthOf()).toBe(before);
  });
  it('refuses a signal for a service with no workload, storing and opening nothing', async () => {
    const { estate, service } = await estateWithService();
    const environment = await getEnvironment(service.environment_id);
    const current = await getEstate(estate.id);
    if (!environment || !current) throw new Error('the seeded estate is gone');
    const input = CreateServiceBody.parse(
      serviceBody(environment.id, { name: 'starting-api' }),
    );
    const starting = await createService(current, environment, input);

    const response = await record(starting.id, UNHEALTHY());
    const stored = await getService(starting.id);
    const incidents = await list(`estate_id=${estate.id}`);

    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      code: 'service_not_running',
      service_status: 'provisioning',
    });
    expect(stored?.health).toEqual(starting.health);
    expect(incidents.body.data).toEqual([]);
  });
});

describe('the health score and the estate record', () => {
  /** The estate's health_score and what GET …/health answers, read together. */
  async function bothOf(estateId: string) {
    const record = await getEstate(estateId);
    const answer = (await health(estateId)).body.data;
    return { record: record?.health_score, answer };
  }

  it('is null on both for an estate with nothing running, not a perfect 100', async () => {
    const estate = await seedActiveEstate();
    const environment = await seedEnvironment(estate);

    const fresh = await bothOf(estate.id);
    await evaluateEstateHealth(estate.id);
    const evaluated = await bothOf(estate.id);

    expect(fresh.record).toBeNull();
    expect(fresh.answer).toMatchObject({ score: null, evaluated_at: null });
    expect(evaluated.record).toBeNull();
    expect(evaluated.answer).toMatchObject({ score: null, components: [] });
    expect(evaluated.answer.evaluated_at).not.toBeNull();
    expect(evaluated.answer.environments).toEqual([
      {
        environment_id: environment.id,
        name: 'production',
        score: null,
        components: [],
      },
    ]);
  });

  it('drops a deleted environment from the breakdown at once', async () => {
    const { estate, service } = await estateWithService();
    const empty = await seedEnvironment(estate);
    // Deleting frees the name, which the seed does not claim.
    await documentClient.send(
      new PutCommand(buildClaimEnvironmentName(estate.id, empty.name, empty.id)),
    );
    await record(service.id, HEALTHY());
    const listed = (await health(estate.id)).body.data.environments.map(
      (item: { environment_id: string }) => item.environment_id,
    );
    const current = await getEstate(estate.id);
    if (!current) throw new Error('the seeded estate is gone');

    await deleteEnvironment(current, empty);
    const after = await bothOf(estate.id);

    expect(listed).toContain(empty.id);
    expect(
      after.answer.environments.map(
        (item: { environment_id: string }) => item.environment_id,
      ),
    ).toEqual([service.environment_id]);
    expect(after.answer.score).toBe(after.record);
  });

  it('scores nothing once the last running service is deleted, and a degraded estate recovers', async () => {
    const { estate, service } = await estateWithService();
    await documentClient.send(
      new PutCommand(
        buildClaimServiceName(service.environment_id, 'payments-api', service.id),
      ),
    );
    await record(service.id, UNHEALTHY());
    const [current, stored] = await Promise.all([
      getEstate(estate.id),
      getService(service.id),
    ]);
    if (!current || !stored) throw new Error('the seeded estate is gone');

    await deleteService(current, stored);
    const after = await bothOf(estate.id);

    expect(current.status).toBe('degraded');
    expect(after.record).toBeNull();
    expect(after.answer).toMatchObject({ status: 'active', score: null, components: [] });
    expect(after.answer.environments).toEqual([
      expect.objectContaining({ environment_id: service.environment_id, score: null }),
    ]);
    expect(await eventTypes(estate.id, 'infrastructure.estate.')).toEqual([
      'infrastructure.estate.degraded',
      'infrastructure.estate.recovered',
    ]);
  });

  it('answers the record’s score even when a stored breakdown disagrees with it', async () => {
    const { estate, service } = await estateWithService();
    await record(service.id, HEALTHY());
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.estate(estate.id),
        UpdateExpression: 'SET health_score = :null',
        ExpressionAttributeValues: { ':null': null },
      }),
    );

    const { record: score, answer } = await bothOf(estate.id);

    expect(score).toBeNull();
    expect(answer).toMatchObject({
      score: null,
      components: [],
      environments: [],
      evaluated_at: null,
    });
  });
});

describe('incident actions', () => {
  async function openIncident() {
    const { estate, service } = await estateWithService();
    await record(service.id, UNHEALTHY());
    const incidentId: string = (await list(`estate_id=${estate.id}`)).body.data[0].id;
    return { estate, incidentId };
  }

  it('acknowledges an open incident once, recording who did', async () => {
    const { estate, incidentId } = await openIncident();

    const first = await onIncident(acknowledgeIncident, 'acknowledge', incidentId);
    const again = await onIncident(acknowledgeIncident, 'acknowledge', incidentId);

    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({
      status: 'acknowledged',
      acknowledged_by: 'USR-26-000044',
    });
    expect(again.body.data.acknowledged_at).toBe(first.body.data.acknowledged_at);
    expect(await eventTypes(estate.id, 'infrastructure.incident.')).toEqual([
      'infrastructure.incident.opened',
      'infrastructure.incident.acknowledged',
    ]);
  });

  it('resolves an incident and refuses to acknowledge it afterwards', async () => {
    const { incidentId } = await openIncident();

    const resolved = await onIncident(resolveIncident, 'resolve', incidentId);
    const acknowledged = await onIncident(acknowledgeIncident, 'acknowledge', incidentId);

    expect(resolved.body.data).toMatchObject({
      status: 'resolved',
      resolved_by: 'USR-26-000044',
    });
    expect(acknowledged.status).toBe(409);
    expect(acknowledged.body.code).toBe('incident_resolved');
  });

  it('opens a new incident when the cause returns after a user resolved the last one', async () => {
    const { estate, incidentId } = await openIncident();
    const serviceId: string = (
      await call(getIncident, {
        routeKey: `GET ${INCIDENTS}/{id}`,
        path: `${INCIDENTS}/${incidentId}`,
        pathParameters: { id: incidentId },
      })
    ).body.data.cause.resource_id;
    await onIncident(resolveIncident, 'resolve', incidentId);

    await record(serviceId, UNHEALTHY());
    const open = await list(`estate_id=${estate.id}&status=open`);

    expect(open.body.data).toHaveLength(1);
    expect(open.body.data[0].id).not.toBe(incidentId);
  });
});

describe('GET /v1/infrastructure/incidents', () => {
  it('pages through an estate’s incidents newest first and filters them', async () => {
    const estate = await seedActiveEstate();
    const services = [
      await seedContainerService(estate, { name: 'payments-api' }),
      await seedContainerService(estate, { name: 'ledger-api' }),
      await seedContainerService(estate, { name: 'fx-api' }),
    ];
    for (const service of services) await record(service.id, UNHEALTHY());

    const first = await list(`estate_id=${estate.id}&limit=2`);
    const second = await list(
      `estate_id=${estate.id}&limit=2&cursor=${encodeURIComponent(first.body.next_cursor)}`,
    );
    const resolved = await list(`estate_id=${estate.id}&status=resolved`);
    const low = await list(`estate_id=${estate.id}&severity=low`);

    const ids = [...first.body.data, ...second.body.data].map(
      (incident: { cause: { resource_id: string } }) => incident.cause.resource_id,
    );
    expect(ids).toEqual(services.map((service) => service.id).reverse());
    expect(second.body.next_cursor).toBeNull();
    expect(resolved.body.data).toEqual([]);
    expect(low.body.data).toEqual([]);
  });

  it('answers 404 for an estate of another workspace', async () => {
    const estate = await seedActiveEstate();

    const response = await call(listIncidents, {
      routeKey: `GET ${INCIDENTS}`,
      path: INCIDENTS,
      query: `estate_id=${estate.id}`,
      workspaceId: 'WS-26-000099',
    });

    expect(response.status).toBe(404);
  });
});
