import { describe, expect, it } from 'vitest';
import { readStageConfig } from '../../infra/stage-config.ts';

const reader =
  (context: Record<string, unknown>) =>
  (key: string): unknown =>
    context[key];
const issuerAndAudience = { jwtIssuer: 'https://issuer/', jwtAudience: 'api' };

describe('readStageConfig', () => {
  it('defaults to the dev stage with modest throttling', () => {
    const config = readStageConfig(reader(issuerAndAudience));

    expect(config).toEqual({
      stage: 'dev',
      ...issuerAndAudience,
      throttleRateLimit: 50,
      throttleBurstLimit: 100,
      workspaceRateLimitPerMinute: 600,
    });
  });

  it('reads the workspace rate limit, 0 turning it off', () => {
    const config = (limit: string) =>
      readStageConfig(
        reader({ ...issuerAndAudience, workspaceRateLimitPerMinute: limit }),
      );

    expect(config('30').workspaceRateLimitPerMinute).toBe(30);
    expect(config('0').workspaceRateLimitPerMinute).toBe(0);
    expect(() => config('-1')).toThrow(/workspaceRateLimitPerMinute/);
  });

  it('reads throttling limits the CLI passes as text', () => {
    const context = {
      ...issuerAndAudience,
      throttleRateLimit: '200',
      throttleBurstLimit: '400',
    };

    const config = readStageConfig(reader(context));

    expect(config).toMatchObject({ throttleRateLimit: 200, throttleBurstLimit: 400 });
  });

  it.each(['jwtIssuer', 'jwtAudience'])('refuses a context without %s', (key) => {
    const context = { ...issuerAndAudience, [key]: undefined };

    const read = () => readStageConfig(reader(context));

    expect(read).toThrow(`CDK context '${key}' must be a non-empty string`);
  });

  it.each(['Prod', 'pr_12', '1dev', ''])('refuses %j as a stage name', (stage) => {
    const read = () => readStageConfig(reader({ ...issuerAndAudience, stage }));

    expect(read).toThrow(/CDK context 'stage'/);
  });

  it.each(['0', '-5', '2.5', 'lots'])('refuses %j as a rate limit', (limit) => {
    const context = { ...issuerAndAudience, throttleRateLimit: limit };

    const read = () => readStageConfig(reader(context));

    expect(read).toThrow(
      "CDK context 'throttleRateLimit' must be a positive whole number",
    );
  });
});
