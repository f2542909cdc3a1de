import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, type Route } from '../../functions/http/routes.ts';
import type { CallResult } from '../support/http.ts';
import { useLocalAws, workflowsSettled } from '../support/local-aws.ts';
import { useTable } from '../support/table.ts';
import { violations } from './support/checks.ts';
import { buildFixture, send, snapshot } from './support/in-process.ts';
import {
  bodyMutations,
  headerMutations,
  type Probe,
  pathIdMutations,
  queryMutations,
} from './support/mutations.ts';
import {
  exampleOf,
  type Fixture,
  type Handler,
  ID_PREFIX,
  loadHandlers,
} from './support/operations.ts';
import { fuzzRuns, fuzzSeed, Tally } from './support/tally.ts';

// Every route's handler, called in-process with requests built from its own schemas
// and mutated by fast-check. FUZZ_RUNS sets how many requests the file sends in all
// (`npm run fuzz` sends 10,000); FUZZ_SEED replays a run.
const RUNS = fuzzRuns(360);
const SEED = fuzzSeed();
/** Time for a property: generous per request, so a long run is never cut short. */
const TIMEOUT_MS = Math.max(60_000, RUNS * 200);

useTable();
// Workflows start as they do in the runtime; nothing publishes events, whose marks
// would change the table between a probe's snapshots.
const aws = useLocalAws({ streams: 'workflow starts' });
let handlers: Map<Route, Handler>;
let fixture: Fixture;
const tally = new Tally();

beforeAll(async () => {
  // The workspace limit would answer most of a long run with 429; it has tests of its
  // own. Set after the local AWS stand-in has put the template's value in place.
  process.env.WORKSPACE_RATE_LIMIT_PER_MINUTE = '0';
  handlers = await loadHandlers();
  fixture = await buildFixture(handlers, () => workflowsSettled(aws()));
});
afterAll(() => tally.report('fuzz-in-process', SEED));

const handlerOf = (route: Route) => {
  const handler = handlers.get(route);
  if (!handler) throw new Error(`no handler for ${route.name}`);
  return handler;
};

const validQuery = (route: Route) =>
  Object.entries(exampleOf(route).query?.(fixture) ?? {});

const validPathId = (route: Route) => {
  const kind = exampleOf(route).pathId;
  return kind ? fixture[kind] : undefined;
};

/** Whether the schema a route validates its body with refuses this probe's body. */
function bodyRefused(route: Route, probe: Probe): boolean {
  if (probe.rawBody !== undefined) return true;
  if (probe.headers['content-type'] !== 'application/json') return true;
  const schema = handlerOf(route).spec.body;
  return schema ? !schema.safeParse(probe.body).success : false;
}

/**
 * Sends a probe and records what is wrong with the answer. A refusal (4xx) must leave
 * the table as it was; `refused` names why the request must be refused, if it must.
 */
async function probe(route: Route, request: Probe, refused?: string): Promise<void> {
  await workflowsSettled(aws());
  const before = await snapshot();
  let answer: CallResult;
  try {
    answer = await send(handlerOf(route), route, request, fixture.workspaceId);
  } catch (error) {
    // A handler that throws past the chain is a crashed Lambda: API Gateway's 500.
    answer = { status: 500, headers: {}, body: undefined, text: String(error) };
  }
  const problems = violations({
    status: answer.status,
    contentType: answer.headers['content-type'] ?? '',
    text: answer.text,
  });
  if (refused && (answer.status < 400 || answer.status >= 500))
    problems.push(`${refused} yet answered ${answer.status}`);
  if (answer.status >= 400 && answer.status < 500) {
    await workflowsSettled(aws());
    if ((await snapshot()) !== before) problems.push('a refusal changed the table');
  }
  tally.count(answer.status, answer.body?.code);
  if (problems.length > 0)
    tally.fail({
      route: route.name,
      mutation: request.mutation,
      status: answer.status,
      problems,
      request: { ...request, rawBody: request.rawBody?.slice(0, 500) },
    });
}

const bodyRoutes = () => ROUTES.filter((route) => exampleOf(route).body);

describe('fuzzing every route in-process', () => {
  it('has an example for every route', () => {
    expect(ROUTES.map((route) => [route.name, Boolean(exampleOf(route))])).toEqual(
      ROUTES.map((route) => [route.name, true]),
    );
  });

  it(
    'refuses every body its schema refuses with a problem, changing nothing',
    async () => {
      const requests = fc.constantFrom(...bodyRoutes()).chain((route) =>
        bodyMutations(exampleOf(route).body?.(fixture) ?? {}).map((mutated) => ({
          route,
          request: { ...mutated, query: [], pathId: validPathId(route) },
        })),
      );

      await fc.assert(
        fc.asyncProperty(requests, async ({ route, request }) => {
          const refused = bodyRefused(route, request) ? 'the body is invalid' : undefined;
          await probe(route, request, refused);
        }),
        { seed: SEED, numRuns: Math.ceil(RUNS * 0.6) },
      );

      expect(tally.failures).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'answers junk parameters and headers with problems, never a 5xx',
    async () => {
      const requests = fc.constantFrom(...ROUTES).chain((route) => {
        const example = exampleOf(route);
        const body = example.body?.(fixture);
        const prefix = example.pathId ? ID_PREFIX[example.pathId] : undefined;
        const wrongId = prefix ? pathIdMutations(prefix) : fc.constant(undefined);
        const keepId = example.destructive ? wrongId : fc.constant(validPathId(route));
        const base = { body, headers: { 'content-type': 'application/json' } };
        const variants = [
          fc.tuple(queryMutations(validQuery(route)), keepId).map(([query, pathId]) => ({
            ...base,
            mutation: 'query',
            query,
            pathId,
          })),
          fc.tuple(headerMutations, keepId).map(([headers, pathId]) => ({
            ...base,
            mutation: `header ${Object.keys(headers).join()}`,
            headers: { ...base.headers, ...headers },
            query: validQuery(route),
            pathId,
          })),
        ];
        if (prefix)
          variants.push(
            wrongId.map((pathId) => ({
              ...base,
              mutation: 'path id',
              query: validQuery(route),
              pathId,
            })),
          );
        return fc.oneof(...variants).map((request) => ({ route, request }));
      });

      await fc.assert(
        fc.asyncProperty(requests, async ({ route, request }) => {
          const refused =
            request.mutation === 'path id' ? 'the ID is not ours' : undefined;
          await probe(route, request, refused);
        }),
        { seed: SEED, numRuns: Math.ceil(RUNS * 0.4) },
      );

      expect(tally.failures).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
