/**
 * Stands in for `@aws-sdk/endpoint-cache` inside the Lambda bundles only (an esbuild
 * alias in infra/constructs/platform-function.ts); no function imports it. A DynamoDB
 * client creates an endpoint-discovery cache as it is built, an LRU from `mnemonist`
 * (about 7 KB of every bundle), yet only the endpoint-discovery middleware reads or
 * writes it, and no DynamoDB command of the SDK version we bundle adds that middleware
 * (test/infra/bundle-aliases.test.ts checks every command). So this cache is built and
 * never used; should a command ever use it, the call fails with this message.
 */
export class EndpointCache {
  readonly getEndpoint = unsupported;
  readonly get = unsupported;
  readonly set = unsupported;
  readonly delete = unsupported;
  readonly has = unsupported;
  readonly clear = unsupported;
}

function unsupported(): never {
  throw new Error(
    'endpoint discovery is not bundled: @aws-sdk/endpoint-cache is aliased to ' +
      'functions/platform/no-endpoint-cache.ts in infra/constructs/platform-function.ts',
  );
}
