import { type FromEnvInit, fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Stands in for `@aws-sdk/credential-provider-node` inside the Lambda bundles only
 * (an esbuild alias in infra/constructs/platform-function.ts); nothing imports it.
 * Lambda gives a function its role's credentials in `AWS_ACCESS_KEY_ID`,
 * `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`, the first link of the default
 * chain. The other links (SSO, shared ini files, credential processes, web identity,
 * container and instance metadata) can never answer there, yet they and the STS, SSO
 * and sign-in clients they bring weigh about 100 KB of every bundle. The local runtime
 * imports the handlers unbundled and keeps the SDK's full chain.
 */
export const defaultProvider = (init: FromEnvInit = {}) => fromEnv(init);
