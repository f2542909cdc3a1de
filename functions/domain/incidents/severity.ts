import type { EnvironmentType } from '../../drivers/driver.ts';
import { SEVERITIES, type Severity } from './incident.ts';

/** What went wrong, as far as severity cares. */
export type Failure =
  | 'estate_failed'
  | 'service_failed'
  | 'deployment_failed'
  | 'deployment_rolled_back'
  | 'service_unhealthy';

/** Severity of each failure in production. */
const IN_PRODUCTION: Readonly<Record<Failure, Severity>> = {
  estate_failed: 'high',
  service_failed: 'high',
  deployment_failed: 'critical',
  service_unhealthy: 'critical',
  deployment_rolled_back: 'high',
};

/** Steps below the production severity, by environment type. */
const STEPS_DOWN: Readonly<Record<EnvironmentType, number>> = {
  production: 0,
  staging: 1,
  development: 2,
  preview: 2,
};

/**
 * The severity of a new incident: the failure's production severity, one step lower
 * in staging and two in development and preview, never below low. An estate failure
 * concerns no environment and is always high.
 */
export function severityOf(
  failure: Failure,
  environmentType: EnvironmentType | null,
): Severity {
  const base = SEVERITIES.indexOf(IN_PRODUCTION[failure]);
  const steps = environmentType ? STEPS_DOWN[environmentType] : 0;
  return SEVERITIES[Math.min(SEVERITIES.length - 1, base + steps)] ?? 'low';
}
