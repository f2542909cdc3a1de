import { describe, expect, it } from 'vitest';
import {
  healthOf,
  type ServiceHealthInput,
  WEIGHTS,
} from '../../../../functions/domain/health/health-formula.ts';

const healthy: ServiceHealthInput = {
  score: 98,
  availability: 0.9998,
  error_rate: 0.0004,
};
const unhealthy: ServiceHealthInput = {
  score: 30,
  availability: 0.755,
  error_rate: 0.49,
};
const calm = { openIncidents: [], policyViolations: 0 } as const;

const component = (breakdown: ReturnType<typeof healthOf>, name: string) =>
  breakdown.components.find((entry) => entry.name === name);

describe('healthOf', () => {
  it('weighs its components to a total of one', () => {
    const total = Object.values(WEIGHTS).reduce((sum, weight) => sum + weight, 0);

    expect(total).toBeCloseTo(1, 10);
  });

  it('scores an estate without services or incidents 100', () => {
    const breakdown = healthOf({ services: [], ...calm });

    expect(breakdown.score).toBe(100);
    expect(breakdown.components.map((entry) => entry.contribution)).toEqual([
      40, 20, 20, 10, 10,
    ]);
  });

  it('adds up the contributions to the score it reports', () => {
    const breakdown = healthOf({
      services: [healthy, unhealthy],
      openIncidents: ['high'],
      policyViolations: 1,
    });

    const sum = breakdown.components.reduce(
      (total, entry) => total + entry.contribution,
      0,
    );

    expect(breakdown.score).toBe(Math.round(sum));
  });

  it('shows each component with its value, weight and contribution', () => {
    const breakdown = healthOf({ services: [unhealthy], ...calm });

    expect(component(breakdown, 'availability')).toEqual({
      name: 'availability',
      value: 0.755,
      weight: 0.4,
      contribution: 30.2,
    });
    expect(component(breakdown, 'error_rate')).toMatchObject({
      value: 0.49,
      contribution: 0,
    });
    expect(component(breakdown, 'service_health')).toMatchObject({
      value: 30,
      contribution: 6,
    });
  });

  it('takes points off for unresolved incidents by severity, never below zero', () => {
    const one = healthOf({ services: [], openIncidents: ['high'], policyViolations: 0 });
    const many = healthOf({
      services: [],
      openIncidents: ['critical', 'critical'],
      policyViolations: 0,
    });

    expect(component(one, 'open_incidents')).toMatchObject({ value: 1, contribution: 5 });
    expect(component(many, 'open_incidents')).toMatchObject({
      value: 2,
      contribution: 0,
    });
  });

  it('takes 25 points off the policy component per violation', () => {
    const breakdown = healthOf({ services: [], openIncidents: [], policyViolations: 2 });

    expect(component(breakdown, 'policy_violations')).toMatchObject({
      value: 2,
      contribution: 5,
    });
  });

  it('counts a service never read as fully available and error-free', () => {
    const breakdown = healthOf({ services: [{ score: 100 }], ...calm });

    expect(breakdown.score).toBe(100);
  });

  it('puts an estate with an unhealthy service and its incident below the degraded line', () => {
    const breakdown = healthOf({
      services: [unhealthy],
      openIncidents: ['critical'],
      policyViolations: 0,
    });

    expect(breakdown.score).toBeLessThan(70);
  });

  it('gives the same answer for the same input', () => {
    const input = {
      services: [healthy, unhealthy],
      openIncidents: ['low' as const],
      policyViolations: 0,
    };

    expect(healthOf(input)).toEqual(healthOf(input));
  });
});
