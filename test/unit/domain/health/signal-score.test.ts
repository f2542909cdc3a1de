import { describe, expect, it } from 'vitest';
import { signalScore } from '../../../../functions/domain/health/signal-score.ts';
import { healthStatusOf } from '../../../../functions/drivers/health.ts';

describe('signalScore', () => {
  it('scores a fully available, error-free service 100', () => {
    expect(signalScore(1, 0)).toBe(100);
  });

  it('leaves no error points at an error rate of 10% or more', () => {
    expect(signalScore(1, 0.1)).toBe(60);
    expect(signalScore(1, 0.5)).toBe(60);
  });

  it('scores half availability with half the errors budget as unhealthy', () => {
    const score = signalScore(0.5, 0.5);

    expect(score).toBe(30);
    expect(healthStatusOf(score)).toBe('unhealthy');
  });

  it('weighs availability 60% and the error budget 40%', () => {
    expect(signalScore(0.9, 0.05)).toBe(74);
  });
});
