import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyStructuredResultV2 as HttpResponse } from 'aws-lambda';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../../bench/bundle-size.ts';
import type { HttpEvent } from '../../functions/platform/http.ts';
import { estateBody, idempotencyKey, workspaceId } from '../support/factories.ts';
import { type CallOptions, call } from '../support/http.ts';
import { executionArnOf, useLocalAws } from '../support/local-aws.ts';
import { tableItems } from '../support/table.ts';
import { anEvent, insertsOf, outboxItem, store } from '../unit/events/factories.ts';
import { type BundledHandler, startBundledHandler } from './support/bundled-handler.ts';

// The functions as they ship: each entry bundled with PlatformFunction's BUNDLING
// options (aliases included), imported in a fresh process and invoked there against
// DynamoDB Local and the local Step Functions, EventBridge and SQS endpoints.
const ENTRIES = {
  createEstate: 'functions/http/estates/create-estate.ts',
  getEstate: 'functions/http/estates/get-estate.ts',
  listEstates: 'functions/http/estates/list-estates.ts',
  publishEvents: 'functions/events/publish-events.ts',
  startWorkflows: 'functions/events/start-workflows.ts',
} as const;
type Entry = keyof typeof ENTRIES;

// The stream functions are invoked by the test alone: the stream pollers stay off.
const localAws = useLocalAws({ streams: 'none' });

const outdir = mkdtempSync(join(tmpdir(), 'pia-bundles-'));
const handlers = new Map<Entry, BundledHandler>();
const metafiles = new Map<Entry, Metafile>();

beforeAll(async () => {
  for (const [name, entry] of Object.entries(ENTRIES) as [Entry, string][]) {
    await bundle(entry, join(outdir, name));
    metafiles.set(
      name,
      JSON.parse(readFileSync(join(outdir, name, 'meta.json'), 'utf8')) as Metafile,
    );
  }
  const started = await Promise.all(
    Object.keys(ENTRIES).map((name) =>
      startBundledHandler(join(outdir, name, 'index.mjs')).then(
        (handler) => [name as Entry, handler] as const,
      ),
    ),
  );
  for (const [name, handler] of started) handlers.set(name, handler);
});

afterAll(() => {
  for (const handler of handlers.values()) handler.stop();
  rmSync(outdir, { recursive: true, force: true });
});

const bundled = (name: Entry) => {
  const handler = handlers.get(name);
  if (!handler) throw new Error(`${name} is not running`);
  return handler;
};

/** Calls a bundled HTTP function through the same helper the integration tests use. */
const callBundled = (name: Entry, options: CallOptions) =>
  call(
    (event: HttpEvent) => bundled(name).invoke(event) as Promise<HttpResponse>,
    options,
  );

const ESTATES = '/v1/infrastructure/estates';

const create = (workspace: string, key = idempotencyKey()) =>
  callBundled('createEstate', {
    routeKey: `POST ${ESTATES}`,
    path: ESTATES,
    body: estateBody({ workspace_id: workspace }),
    workspaceId: workspace,
    headers: { 'idempotency-key': key },
  });

const get = (id: string, workspace: string) =>
  callBundled('getEstate', {
    routeKey: `GET ${ESTATES}/{id}`,
    path: `${ESTATES}/${id}`,
    pathParameters: { id },
    workspaceId: workspace,
  });

/** Inputs of a bundle that put bytes into it. */
const bundledInputs = (name: Entry): string[] =>
  Object.values(metafiles.get(name)?.outputs ?? {}).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path),
  );

describe('the bundled estate functions', () => {
  it('create an estate in provisioning, with a Location', async () => {
    const workspace = workspaceId();

    const response = await create(workspace);

    expect(response.status).toBe(202);
    expect(response.body.data).toMatchObject({
      workspace_id: workspace,
      status: 'provisioning',
    });
    expect(response.headers.location).toBe(`${ESTATES}/${response.body.data.id}`);
  });

  it('replay a repeated create from the record a failed conditional write returns', async () => {
    const workspace = workspaceId();
    const key = idempotencyKey();

    const first = await create(workspace, key);
    const second = await create(workspace, key);

    expect(second.status).toBe(202);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.text).toBe(first.text);
  });

  it('get an estate of the caller’s workspace with 200', async () => {
    const workspace = workspaceId();
    const created = await create(workspace);

    const response = await get(created.body.data.id, workspace);

    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      id: created.body.data.id,
      name: created.body.data.name,
    });
    expect(response.headers.etag).toBeTruthy();
  });

  it('answer 404 for an estate that does not exist', async () => {
    const response = await get('ESTATE-26-999999', workspaceId());

    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json');
  });

  it('list the estates of the caller’s workspace', async () => {
    const workspace = workspaceId();
    const created = await create(workspace);

    const response = await callBundled('listEstates', {
      routeKey: `GET ${ESTATES}`,
      path: ESTATES,
      workspaceId: workspace,
    });

    expect(response.status).toBe(200);
    expect(response.body.data.map((estate: { id: string }) => estate.id)).toEqual([
      created.body.data.id,
    ]);
  });
});

describe('the bundled outbox publisher', () => {
  it('puts a committed event on the bus and reports no failures', async () => {
    const event = anEvent();
    const item = outboxItem(event);
    await store(item);

    const result = await bundled('publishEvents').invoke(insertsOf([item]));

    expect(result).toEqual({ batchItemFailures: [] });
    const accepted = localAws().bus.accepted.map(
      (busEvent) => (busEvent.detail as { event_id?: string }).event_id,
    );
    expect(accepted).toContain(event.event_id);
  });
});

describe('the bundled workflow starter', () => {
  it('starts the execution a committed workflow start asks for', async () => {
    const created = await create(workspaceId());
    const id: string = created.body.data.id;
    const starts = await tableItems('workflow_start');

    const result = await bundled('startWorkflows').invoke(
      insertsOf(starts.filter((start) => start.execution_name === id)),
    );

    expect(result).toEqual({ batchItemFailures: [] });
    const execution = localAws().stepFunctions.describe({
      executionArn: executionArnOf('provisioning', id),
    });
    expect(execution.input).toBe(JSON.stringify({ estate_id: id }));
  });
});

describe('the bundles', () => {
  it('carry none of the code the esbuild aliases replace', () => {
    const replaced =
      /node_modules\/(@aws-sdk\/credential-provider-node|@aws-sdk\/endpoint-cache|mnemonist|@smithy\/core\/dist-es\/submodules\/event-streams)\//;

    for (const name of Object.keys(ENTRIES) as Entry[]) {
      expect(bundledInputs(name).filter((path) => replaced.test(path))).toEqual([]);
    }
  });

  it('leave the Step Functions client to the workflow starter', () => {
    const sfnClient = /node_modules\/@aws-sdk\/client-sfn\//;

    const carrying = (Object.keys(ENTRIES) as Entry[]).filter((name) =>
      bundledInputs(name).some((path) => sfnClient.test(path)),
    );

    expect(carrying).toEqual(['startWorkflows']);
  });

  it('carry no code that reads the endpoint-discovery cache', () => {
    const readers =
      /@aws-sdk\/middleware-endpoint-discovery\/.*(Middleware|Plugin|InCache)\.js$/;

    for (const name of Object.keys(ENTRIES) as Entry[]) {
      expect(bundledInputs(name).filter((path) => readers.test(path))).toEqual([]);
    }
  });
});
