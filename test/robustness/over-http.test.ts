import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, type Route } from '../../functions/http/routes.ts';
import { workspaceId } from '../support/factories.ts';
import { type HttpReply, httpClient } from '../support/http-client.ts';
import { type LocalProcess, startLocalProcess } from '../support/local-process.ts';
import { violations } from './support/checks.ts';
import {
  bodyMutations,
  headerMutations,
  type Probe,
  queryMutations,
} from './support/mutations.ts';
import {
  exampleOf,
  fixturePath,
  ID_PREFIX,
  pathOf,
  queryString,
} from './support/operations.ts';
import {
  type Api,
  buildHttpFixture,
  type Callers,
  callers,
  type HttpFixture,
} from './support/over-http.ts';
import { fuzzSeed, Tally } from './support/tally.ts';

// Over HTTP against the local runtime: every route × every kind of caller (the
// owner, another workspace, callers the gateway or the scope check must turn away),
// and a smaller fuzzing pass than the in-process one, through the real gateway.
let local: LocalProcess;
let fixture: HttpFixture;
let tokens: Callers;
const workspaceB = workspaceId();

beforeAll(async () => {
  local = await startLocalProcess({
    SIM_TIME_SCALE: '0.02',
    LOCAL_WAIT_MS: '30',
    LOCAL_SCHEDULE_SECONDS: '0',
    WORKSPACE_RATE_LIMIT_PER_MINUTE: '0',
  });
  const workspaceA = workspaceId();
  tokens = await callers(local, workspaceA, workspaceB);
  fixture = await buildHttpFixture(httpClient(local, tokens.own), workspaceA);
});
afterAll(() => local?.stop());

/** Calls a route as its example says, aimed at workspace A's objects. */
function request(api: Api, route: Route): Promise<HttpReply> {
  const example = exampleOf(route);
  const query = queryString(Object.entries(example.query?.(fixture) ?? {}));
  const path = `${fixturePath(route, fixture)}${query ? `?${query}` : ''}`;
  return api(route.method, path, example.body?.(fixture));
}

/** Workspace A's IDs and names that a request did not itself mention. */
function leaksIn(reply: HttpReply, route: Route): string[] {
  const example = exampleOf(route);
  const asked = JSON.stringify([
    fixturePath(route, fixture),
    example.query?.(fixture),
    example.body?.(fixture),
  ]);
  const secrets = [
    fixture.estateId,
    fixture.environmentId,
    fixture.serviceId,
    fixture.deploymentId,
    fixture.policyId,
    fixture.incidentId,
    ...fixture.names,
  ].filter((secret) => !asked.includes(secret));
  return secrets.filter((secret) => reply.text.includes(secret));
}

function answer(reply: HttpReply, fromGateway = false) {
  return {
    status: reply.status,
    contentType: reply.headers.get('content-type') ?? '',
    text: reply.text,
    fromGateway,
  };
}

/** What another workspace's caller is told, by status. */
const FOREIGN_CODES = {
  400: 'validation_failed',
  403: 'workspace_forbidden',
  404: expect.stringMatching(/_not_found$/),
} as const;

describe('tenant isolation matrix', () => {
  it('serves the public OpenAPI document to anyone, token or not', async () => {
    const route = ROUTES.find((candidate) => !candidate.authorized);
    if (!route) throw new Error('the route table has no public route');

    const replies = await Promise.all(
      [tokens.own, tokens.other, tokens.none].map((token) =>
        request(httpClient(local, token), route),
      ),
    );

    expect(route.name).toBe('GetOpenApiDocument');
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200]);
  });

  it.each(
    ROUTES.filter((route) => route.authorized).map(
      (route) => [route.name, route] as const,
    ),
  )(
    '%s refuses other workspaces, bad tokens and missing scopes',
    async (_name, route) => {
      const example = exampleOf(route);
      const lacking = await local.token({
        workspaceId: fixture.workspaceId,
        scopes: [],
      });

      const other = await request(httpClient(local, tokens.other), route);
      const gateway = await Promise.all(
        [tokens.none, tokens.expired, tokens.badSignature].map((token) =>
          request(httpClient(local, token), route),
        ),
      );
      const scoped = await request(
        httpClient(local, await tokens.lackingScope(route.scope)),
        route,
      );
      const unscoped = await request(httpClient(local, lacking), route);

      expect([other.status, other.body?.code]).toEqual([
        example.foreign,
        FOREIGN_CODES[example.foreign],
      ]);
      expect(violations(answer(other))).toEqual([]);
      expect(leaksIn(other, route)).toEqual([]);
      for (const reply of gateway) {
        expect([reply.status, reply.body]).toEqual([401, { message: 'Unauthorized' }]);
        expect(violations(answer(reply, true))).toEqual([]);
      }
      for (const reply of [scoped, unscoped]) {
        expect([reply.status, reply.body?.code]).toEqual([403, 'insufficient_scope']);
        expect(violations(answer(reply))).toEqual([]);
        expect(leaksIn(reply, route)).toEqual([]);
      }
    },
  );
});

/** Calls each route as its owner and lists the answers that were not expected. */
async function asOwner(routes: readonly Route[]) {
  const api = httpClient(local, tokens.own);
  const unexpected: [string, number][] = [];
  for (const route of routes) {
    const reply = await request(api, route);
    if (!(exampleOf(route).owner ?? [200]).includes(reply.status))
      unexpected.push([route.name, reply.status]);
    expect(violations(answer(reply))).toEqual([]);
  }
  return unexpected;
}

describe('the owner', () => {
  it('gets the expected answer from every route that keeps its object', async () => {
    const unexpected = await asOwner(
      ROUTES.filter((route) => !exampleOf(route).destructive),
    );

    expect(unexpected).toEqual([]);
  });
});

const HTTP_RUNS = Number(process.env.FUZZ_HTTP_RUNS ?? 150);
const tally = new Tally();
afterAll(() => tally.report('fuzz-http', fuzzSeed()));

/** A probe for a route: its body, its query or its headers mutated, never its target. */
function probes(route: Route): fc.Arbitrary<Probe> {
  const example = exampleOf(route);
  const body = example.body?.(fixture);
  const query = Object.entries(example.query?.(fixture) ?? {});
  const kind = example.pathId;
  // Destructive routes are aimed at an ID nobody holds, as in the in-process pass.
  const pathId =
    kind && example.destructive ? `${ID_PREFIX[kind]}-26-999997` : kind && fixture[kind];
  const base: Omit<Probe, 'mutation'> = {
    headers: {},
    query,
    body,
    ...(pathId ? { pathId } : {}),
  };
  const variants = [
    queryMutations(query).map((mutated) => ({
      ...base,
      mutation: 'query',
      query: mutated,
    })),
    headerMutations.map((headers) => ({ ...base, mutation: 'header', headers })),
  ];
  if (body)
    variants.push(
      bodyMutations(body).map((mutated) => ({
        ...mutated,
        query,
        ...(pathId ? { pathId } : {}),
      })),
    );
  return fc.oneof(...variants);
}

describe('fuzzing over HTTP', () => {
  it("never answers 5xx, and refuses with problems or the gateway's own documents", async () => {
    const api = httpClient(local, tokens.own);
    const requests = fc
      .constantFrom(...ROUTES)
      .chain((route) => probes(route).map((probe) => ({ route, probe })));

    await fc.assert(
      fc.asyncProperty(requests, async ({ route, probe }) => {
        const query = queryString(probe.query);
        const path = `${pathOf(route, probe.pathId)}${query ? `?${query}` : ''}`;
        let reply: HttpReply;
        try {
          reply = await api(route.method, path, probe.body, {
            headers: probe.headers,
            ...(probe.rawBody === undefined ? {} : { rawBody: probe.rawBody }),
          });
        } catch {
          // fetch itself refuses header values outside Latin-1; no server sees them.
          return;
        }
        const fromGateway = typeof reply.body?.message === 'string' && !reply.body?.code;
        tally.count(reply.status, reply.body?.code);
        const problems = violations(answer(reply, fromGateway));
        if (problems.length > 0)
          tally.fail({
            route: route.name,
            mutation: probe.mutation,
            status: reply.status,
            problems,
            request: { ...probe, rawBody: probe.rawBody?.slice(0, 500) },
          });
      }),
      { seed: fuzzSeed(), numRuns: HTTP_RUNS },
    );

    expect(tally.failures).toEqual([]);
  }, 120_000);

  it("answers a body past API Gateway's 10 MB with the gateway's own 413", async () => {
    const api = httpClient(local, tokens.own);

    const reply = await api('POST', '/v1/infrastructure/estates', undefined, {
      rawBody: 'x'.repeat(10 * 1024 * 1024 + 1),
    });

    expect(reply.status).toBe(413);
    expect(violations(answer(reply, true))).toEqual([]);
  });
});

describe('the owner, last', () => {
  it('gets the expected answer from every route that ends or deletes its object', async () => {
    const unexpected = await asOwner(
      ROUTES.filter((route) => exampleOf(route).destructive),
    );

    expect(unexpected).toEqual([]);
  });
});
