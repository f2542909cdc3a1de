import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NormalizedSchema } from '@smithy/core/schema';
import { describe, expect, it } from 'vitest';
import { EndpointCache } from '../../functions/platform/no-endpoint-cache.ts';
import {
  EventStreamSerde,
  eventStreamSerdeProvider,
} from '../../functions/platform/no-event-streams.ts';
import { REPO_ROOT } from '../../infra/constructs/platform-function.ts';

// PlatformFunction's bundles swap two pieces of the AWS SDK for stand-ins that fail
// when called (see BUNDLING in infra/constructs/platform-function.ts). These tests
// hold up the reasons that is safe, for every SDK client the functions import, so an
// SDK upgrade or a new client that breaks them fails here rather than in Lambda.

type SdkModule = Record<string, unknown>;

/** The `@aws-sdk/client-*` packages imported anywhere under functions/. */
function clientsOfFunctions(): string[] {
  const clients = new Set<string>();
  const files = readdirSync(join(REPO_ROOT, 'functions'), { recursive: true });
  for (const file of files.map(String).filter((name) => name.endsWith('.ts'))) {
    const text = readFileSync(join(REPO_ROOT, 'functions', file), 'utf8');
    for (const [, client] of text.matchAll(/from '(@aws-sdk\/client-[a-z0-9-]+)'/g))
      if (client) clients.add(client);
  }
  return [...clients].sort();
}

const CLIENTS = clientsOfFunctions();

const importClient = (client: string) => import(client) as Promise<SdkModule>;

/** Operation schemas are exported as `[9, namespace, name, traits, input, output]`. */
function operationSchemas(module: SdkModule): [string, unknown[]][] {
  return Object.entries(module).filter(
    (entry): entry is [string, unknown[]] => Array.isArray(entry[1]) && entry[1][0] === 9,
  );
}

/** Operations whose input or output has an event-stream member. */
function streamingOperations(module: SdkModule): string[] {
  return operationSchemas(module)
    .filter(([, [, , , , input, output]]) =>
      [input, output].some((schema) =>
        NormalizedSchema.of(schema as never).getEventStreamMember(),
      ),
    )
    .map(([name]) => name);
}

interface Stack {
  concat: (other: Stack) => Stack;
  identify: () => string[];
}

type CommandClass = new (
  input: object,
) => {
  resolveMiddleware: (stack: Stack, config: object, options: object) => unknown;
  middlewareStack: Stack;
};

/** A client of the package (its one `…Client` class) that never sends anything. */
function newClient(module: SdkModule) {
  const name = Object.keys(module).find((key) => /^[A-Z]\w*Client$/.test(key));
  const Client = module[name ?? ''] as new (
    config: object,
  ) => { middlewareStack: Stack; config: object; destroy: () => void };
  return new Client({
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
}

describe('the SDK clients the functions use', () => {
  it('are the ones these checks expect to find', () => {
    expect(CLIENTS).toEqual([
      '@aws-sdk/client-dynamodb',
      '@aws-sdk/client-eventbridge',
      '@aws-sdk/client-sfn',
      '@aws-sdk/client-sqs',
    ]);
  });

  it.each(CLIENTS)('%s has no operation with an event stream', async (client) => {
    const module = await importClient(client);

    expect(operationSchemas(module).length).toBeGreaterThan(0);
    expect(streamingOperations(module)).toEqual([]);
  });

  it('would be caught with an operation that streams events', () => {
    const events = [4, 'test', 'Events', { streaming: 1 }, ['tick'], [0]];
    const output = [3, 'test', 'WatchOutput', 0, ['stream'], [[() => events, 0]]];
    const operation = [
      9,
      'test',
      'Watch',
      0,
      [3, 'test', 'WatchInput', 0, [], []],
      output,
    ];

    expect(streamingOperations({ Watch$: operation })).toEqual(['Watch$']);
  });

  it.each(CLIENTS)(
    '%s adds no endpoint-discovery middleware to any command',
    async (client) => {
      const module = await importClient(client);
      const sdk = newClient(module);
      const commands = Object.entries(module).filter(
        ([name, value]) =>
          name.endsWith('Command') &&
          typeof value === 'function' &&
          'resolveMiddleware' in value.prototype,
      );

      // Each command's whole stack, as a send would run it: the client's middleware
      // with the command's own plugins applied.
      const stacks = commands.map(([, Command]) => {
        const command = new (Command as CommandClass)({});
        command.resolveMiddleware(sdk.middlewareStack, sdk.config, {});
        return sdk.middlewareStack.concat(command.middlewareStack).identify();
      });
      sdk.destroy();

      expect(stacks.length).toBeGreaterThan(0);
      for (const stack of stacks) {
        expect(stack).toContainEqual(expect.stringMatching(/^endpointV2Middleware/));
        expect(stack).not.toContainEqual(expect.stringMatching(/endpointDiscovery/i));
      }
    },
  );
});

describe('the stand-ins', () => {
  it('fail with a message naming the alias when event streams are used', () => {
    expect(() => eventStreamSerdeProvider()).toThrow(/event streams are not bundled/);
    expect(() => new EventStreamSerde()).toThrow(/aliased to .*no-event-streams\.ts/);
  });

  it('fail with a message naming the alias when the endpoint cache is used', () => {
    const cache = new EndpointCache();

    for (const use of [
      () => cache.getEndpoint(),
      () => cache.get(),
      () => cache.set(),
      () => cache.delete(),
      () => cache.has(),
      () => cache.clear(),
    ])
      expect(use).toThrow(/endpoint discovery is not bundled/);
  });
});
