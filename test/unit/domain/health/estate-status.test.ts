import { describe, expect, it } from 'vitest';
import {
  DEGRADED_BELOW,
  RECOVERED_AT,
  statusForScore,
} from '../../../../functions/domain/health/estate-status.ts';

describe('statusForScore', () => {
  it('degrades an active estate below the threshold', () => {
    expect(statusForScore('active', DEGRADED_BELOW - 1)).toBe('degraded');
  });

  it('keeps an active estate active at the threshold', () => {
    expect(statusForScore('active', DEGRADED_BELOW)).toBe('active');
  });

  it('keeps a degraded estate degraded between the two thresholds', () => {
    expect(statusForScore('degraded', RECOVERED_AT - 1)).toBe('degraded');
  });

  it('recovers a degraded estate once it reaches the recovery threshold', () => {
    expect(statusForScore('degraded', RECOVERED_AT)).toBe('active');
  });
});
