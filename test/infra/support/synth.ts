import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../../infra/build-app.ts';
import type { PlatformStack } from '../../../infra/stacks/platform-stack.ts';

export const ISSUER = 'https://auth.test.example/';
export const AUDIENCE = 'platforms-infrastructure-api-test';

/** Context a test stage is built with; `overrides` win. */
export const testContext = (overrides: Record<string, unknown> = {}) => ({
  stage: 'dev',
  jwtIssuer: ISSUER,
  jwtAudience: AUDIENCE,
  ...overrides,
});

/** A stage's stack, for finding logical IDs, and its template. */
export interface Synthesized {
  readonly stack: PlatformStack;
  readonly template: Template;
}

const synthesized = new Map<string, Synthesized>();

/** The stack and template for a stage, built once per test file and without bundling. */
export function synthFor(stage = 'dev'): Synthesized {
  const cached = synthesized.get(stage);
  if (cached) return cached;

  const { stack } = buildApp({ bundling: false, context: testContext({ stage }) });
  const result = { stack, template: Template.fromStack(stack) };
  synthesized.set(stage, result);
  return result;
}

/** The stack template for a stage, built once per test file and without bundling. */
export function templateFor(stage = 'dev'): Template {
  return synthFor(stage).template;
}
