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
  /** Requests one workspace may make per minute, counted in the table; 0 turns it off. */
  readonly workspaceRateLimitPerMinute: number;
}

/** Reads one CDK context value; the CLI passes everything it gets from `-c` as text. */
export type ContextReader = (key: string) => unknown;

// A small, steady API: 50 requests a second with bursts of 100 protect the table and
// the account's Lambda concurrency until real traffic figures say otherwise.
const DEFAULT_RATE_LIMIT = 50;
const DEFAULT_BURST_LIMIT = 100;
// Ten requests a second per workspace on average: far above a person at a console,
// low enough that one runaway script cannot take the whole stage's throttle.
const DEFAULT_WORKSPACE_RATE_LIMIT = 600;

function text(read: ContextReader, key: string, fallback?: string): string {
  const value = read(key) ?? fallback;
  if (typeof value !== 'string' || value.trim() === '')
    throw new Error(`CDK context '${key}' must be a non-empty string`);
  return value;
}

function count(read: ContextReader, key: string, fallback: number, min = 1): number {
  const value = Number(read(key) ?? fallback);
  if (!Number.isInteger(value) || value < min)
    throw new Error(
      `CDK context '${key}' must be a ${min > 0 ? 'positive' : 'non-negative'} whole number`,
    );
  return value;
}

/**
 * Builds the stage configuration from CDK context: `stage` (default `dev`),
 * `jwtIssuer` and `jwtAudience` (required), `throttleRateLimit` (default 50 per
 * second), `throttleBurstLimit` (default 100) and `workspaceRateLimitPerMinute`
 * (default 600; 0 turns the per-workspace limit off).
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
    workspaceRateLimitPerMinute: count(
      read,
      'workspaceRateLimitPerMinute',
      DEFAULT_WORKSPACE_RATE_LIMIT,
      0,
    ),
  };
}
