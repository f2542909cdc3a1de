import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../../infra/build-app.ts';

export const ISSUER = 'https://auth.test.example/';
export const AUDIENCE = 'platforms-infrastructure-api-test';

/** Context a test stage is built with; `overrides` win. */
export const testContext = (overrides: Record<string, unknown> = {}) => ({
  stage: 'dev',
  jwtIssuer: ISSUER,
  jwtAudience: AUDIENCE,
  ...overrides,
});

const templates = new Map<string, Template>();

/** The stack template for a stage, built once per test file and without bundling. */
export function templateFor(stage = 'dev'): Template {
  const cached = templates.get(stage);
  if (cached) return cached;

  const { stack } = buildApp({ bundling: false, context: testContext({ stage }) });
  const template = Template.fromStack(stack);
  templates.set(stage, template);
  return template;
}
