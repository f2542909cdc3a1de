/**
 * Stands in for `@smithy/core/event-streams` inside the Lambda bundles only (an esbuild
 * alias in infra/constructs/platform-function.ts); no function imports it. The SDK's
 * protocols load event-stream support with a dynamic `import()`, which esbuild inlines
 * into every bundle (about 19 KB with the lazy-module wrappers it forces), and call it
 * only for an operation whose input or output has an event-stream member. No operation
 * of the DynamoDB, Step Functions, EventBridge and SQS clients has one
 * (test/infra/bundle-aliases.test.ts checks them all), so nothing here runs; if an
 * operation with a stream were ever sent, it would fail with this message rather than
 * misbehave.
 */
function unsupported(): never {
  throw new Error(
    'event streams are not bundled: @smithy/core/event-streams is aliased to ' +
      'functions/platform/no-event-streams.ts in infra/constructs/platform-function.ts',
  );
}

/** Would build the marshaller for a client's event streams; fails instead. */
export const eventStreamSerdeProvider = (): never => unsupported();

/** Would (de)serialize an operation's event stream; fails instead. */
export class EventStreamSerde {
  constructor() {
    unsupported();
  }
}
