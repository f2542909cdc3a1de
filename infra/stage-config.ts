/** What one deployment of the API needs to know, read from CDK context. */
export interface StageConfig {
  /** Deployment stage, e.g. `dev` or `prod`; names the stack. */
  readonly stage: string;
  /** Issuer (`iss`) the JWT authorizer trusts. */
  readonly jwtIssuer: string;
  /** Audience (`aud`) the JWT authorizer requires. */
  readonly jwtAudience: string;
  /** Steady-state requests per second the API stage accepts. */
  readonly throttleRateLimit: number;
  /** Requests the API stage accepts in a short burst. */
  readonly throttleBurstLimit: number;
}

/** Reads one CDK context value; the CLI passes everything it gets from `-c` as text. */
export type ContextReader = (key: string) => unknown;

// A small, steady API: 50 requests a second with bursts of 100 protect the table and
// the account's Lambda concurrency until real traffic figures say otherwise.
const DEFAULT_RATE_LIMIT = 50;
const DEFAULT_BURST_LIMIT = 100;

function text(read: ContextReader, key: string, fallback?: string): string {
  const value = read(key) ?? fallback;
  if (typeof value !== 'string' || value.trim() === '')
    throw new Error(`CDK context '${key}' must be a non-empty string`);
  return value;
}

function count(read: ContextReader, key: string, fallback: number): number {
  const value = Number(read(key) ?? fallback);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`CDK context '${key}' must be a positive whole number`);
  return value;
}

/**
 * Builds the stage configuration from CDK context: `stage` (default `dev`),
 * `jwtIssuer` and `jwtAudience` (required), `throttleRateLimit` (default 50 per
 * second) and `throttleBurstLimit` (default 100).
 */
export function readStageConfig(read: ContextReader): StageConfig {
  const stage = text(read, 'stage', 'dev');
  if (!/^[a-z][a-z0-9-]{0,20}$/.test(stage))
    throw new Error(`CDK context 'stage' must be lower-case letters, digits and dashes`);

  return {
    stage,
    jwtIssuer: text(read, 'jwtIssuer'),
    jwtAudience: text(read, 'jwtAudience'),
    throttleRateLimit: count(read, 'throttleRateLimit', DEFAULT_RATE_LIMIT),
    throttleBurstLimit: count(read, 'throttleBurstLimit', DEFAULT_BURST_LIMIT),
  };
}
