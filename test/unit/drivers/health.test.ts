import { describe, expect, it } from 'vitest';
import {
  healthStatusOf,
  imageTag,
  simulatedHealth,
} from '../../../functions/drivers/health.ts';

const RESOURCE = 'ecs/payments-api-prod';

describe('simulatedHealth', () => {
  it('reads a normal image as healthy with a score from 95 to 100', () => {
    const reading = simulatedHealth(RESOURCE, 'ghcr.io/apex-digital/payments-api:v2.4.1');

    expect(reading.status).toBe('healthy');
    expect(reading.score).toBeGreaterThanOrEqual(95);
    expect(reading.score).toBeLessThanOrEqual(100);
    expect(Number.isInteger(reading.score)).toBe(true);
  });

  it('reads an image tagged -unhealthy as unhealthy with a low score', () => {
    const reading = simulatedHealth(RESOURCE, 'ghcr.io/x/api:v2-unhealthy');

    expect(reading.status).toBe('unhealthy');
    expect(reading.score).toBeGreaterThanOrEqual(20);
    expect(reading.score).toBeLessThan(40);
    expect(reading.errorRate).toBeGreaterThan(0.3);
  });

  it('reads an image tagged -degraded as degraded', () => {
    const reading = simulatedHealth(RESOURCE, 'ghcr.io/x/api:v2-degraded');

    expect(reading.status).toBe('degraded');
  });

  it('ignores -unhealthy outside the tag', () => {
    const reading = simulatedHealth(RESOURCE, 'ghcr.io/team-unhealthy/api:v2');

    expect(reading.status).toBe('healthy');
  });

  it('gives the same reading for the same resource and image every time', () => {
    const image = 'ghcr.io/apex-digital/payments-api:v2.4.1';

    const readings = [1, 2, 3].map(() => simulatedHealth(RESOURCE, image));

    expect(readings[1]).toEqual(readings[0]);
    expect(readings[2]).toEqual(readings[0]);
  });

  it('derives error rate and availability from the score', () => {
    const reading = simulatedHealth(RESOURCE, 'ghcr.io/x/api:v2-unhealthy');
    const errorRate = ((100 - reading.score) / 100) ** 2;

    expect(reading.errorRate).toBeCloseTo(errorRate, 5);
    expect(reading.availability).toBeCloseTo(1 - errorRate / 2, 5);
  });
});

describe('imageTag', () => {
  it.each([
    ['ghcr.io/x/api:v2-unhealthy', 'v2-unhealthy'],
    ['localhost:5000/api:1.0', '1.0'],
    ['localhost:5000/api', null],
    ['api@sha256:abc', null],
    ['api:1.0@sha256:abc', '1.0'],
  ])('reads the tag of %s as %s', (image, expected) => {
    expect(imageTag(image)).toBe(expected);
  });
});

describe('healthStatusOf', () => {
  it.each([
    [100, 'healthy'],
    [90, 'healthy'],
    [89, 'degraded'],
    [60, 'degraded'],
    [59, 'unhealthy'],
    [0, 'unhealthy'],
  ])('calls a score of %i %s', (score, expected) => {
    expect(healthStatusOf(score)).toBe(expected);
  });
});
