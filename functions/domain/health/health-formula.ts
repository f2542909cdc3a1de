import type { Severity } from '../incidents/incident.ts';

/** What the formula reads of one service: its score and, once read, its signals. */
export interface ServiceHealthInput {
  readonly score: number;
  /** 0–1; a service never read counts as fully available. */
  readonly availability?: number | undefined;
  /** 0–1; a service never read counts as error-free. */
  readonly error_rate?: number | undefined;
}

export interface HealthInput {
  readonly services: readonly ServiceHealthInput[];
  /** Severities of the unresolved incidents in scope. */
  readonly openIncidents: readonly Severity[];
  readonly policyViolations: number;
}

export const COMPONENT_NAMES = [
  'availability',
  'error_rate',
  'service_health',
  'open_incidents',
  'policy_violations',
] as const;
export type ComponentName = (typeof COMPONENT_NAMES)[number];

/** The weight of each component; they add up to 1. */
export const WEIGHTS: Readonly<Record<ComponentName, number>> = {
  availability: 0.4,
  error_rate: 0.2,
  service_health: 0.2,
  open_incidents: 0.1,
  policy_violations: 0.1,
};

/** Points an unresolved incident takes off the open_incidents component. */
export const INCIDENT_PENALTY: Readonly<Record<Severity, number>> = {
  critical: 100,
  high: 50,
  medium: 25,
  low: 10,
};

/** Points each policy violation takes off the policy_violations component. */
export const VIOLATION_PENALTY = 25;

/** An error rate of this much or more leaves no error_rate points. */
export const ERROR_RATE_CEILING = 0.1;

export interface HealthComponent {
  readonly name: ComponentName;
  /** The measured value: a share (0–1), a mean score or a count. */
  readonly value: number;
  readonly weight: number;
  /** Points (0–100) times weight: what the component adds to the score. */
  readonly contribution: number;
}

export interface HealthBreakdown {
  readonly score: number;
  readonly components: readonly HealthComponent[];
}

const mean = (values: readonly number[], empty: number) =>
  values.length === 0 ? empty : values.reduce((sum, v) => sum + v, 0) / values.length;
const clamp = (value: number) => Math.min(100, Math.max(0, value));
const round = (value: number, places: number) =>
  Math.round(value * 10 ** places) / 10 ** places;

/** Each component's measured value and its points out of 100. */
function measure(input: HealthInput): Record<ComponentName, [number, number]> {
  const availability = mean(
    input.services.map((service) => service.availability ?? 1),
    1,
  );
  const errorRate = mean(
    input.services.map((service) => service.error_rate ?? 0),
    0,
  );
  const serviceScore = mean(
    input.services.map((service) => service.score),
    100,
  );
  const penalty = input.openIncidents.reduce(
    (sum, severity) => sum + INCIDENT_PENALTY[severity],
    0,
  );
  return {
    availability: [availability, 100 * availability],
    error_rate: [errorRate, 100 * (1 - Math.min(1, errorRate / ERROR_RATE_CEILING))],
    service_health: [serviceScore, serviceScore],
    open_incidents: [input.openIncidents.length, 100 - penalty],
    policy_violations: [
      input.policyViolations,
      100 - VIOLATION_PENALTY * input.policyViolations,
    ],
  };
}

/**
 * The health score of an environment or an estate, 0–100, with the components that
 * make it up: each component scores 0–100 points and adds points × weight. Pure and
 * deterministic; docs/health-and-incidents.md states the formula.
 */
export function healthOf(input: HealthInput): HealthBreakdown {
  const measured = measure(input);
  const components = COMPONENT_NAMES.map((name) => {
    const [value, points] = measured[name];
    const weight = WEIGHTS[name];
    return {
      name,
      value: round(value, 4),
      weight,
      contribution: round(clamp(points) * weight, 2),
    };
  });
  const total = components.reduce((sum, component) => sum + component.contribution, 0);
  return { score: Math.round(clamp(total)), components };
}
