import type { Severity } from '../incidents/incident.ts';
import {
  type HealthComponent,
  type HealthInput,
  healthOf,
  type ServiceHealthInput,
} from './health-formula.ts';

export interface EnvironmentInput {
  readonly id: string;
  readonly name: string;
  readonly services: readonly ServiceHealthInput[];
}

export interface IncidentInput {
  readonly severity: Severity;
  readonly environment_id: string | null;
}

export interface EnvironmentHealth {
  readonly environment_id: string;
  readonly name: string;
  readonly score: number | null;
  readonly components: readonly HealthComponent[];
}

export interface EstateHealth {
  readonly score: number | null;
  readonly components: readonly HealthComponent[];
  readonly environments: readonly EnvironmentHealth[];
}

/** A scope's score, or null with no components when no running service is in it. */
function scoreOf(input: HealthInput) {
  if (input.services.length === 0) return { score: null, components: [] };
  return healthOf(input);
}

/**
 * An estate's health and each environment's: an environment scores its own services
 * and the incidents in it; the estate scores all services, all unresolved incidents
 * and the estate's policy violations. A scope without a running service has nothing
 * to measure: its score is null. Pure.
 */
export function estateHealthOf(
  environments: readonly EnvironmentInput[],
  incidents: readonly IncidentInput[],
  policyViolations: number,
): EstateHealth {
  const estate = scoreOf({
    services: environments.flatMap((environment) => environment.services),
    openIncidents: incidents.map((incident) => incident.severity),
    policyViolations,
  });
  return {
    ...estate,
    environments: environments.map((environment) => ({
      environment_id: environment.id,
      name: environment.name,
      ...scoreOf({
        services: environment.services,
        openIncidents: incidents
          .filter((incident) => incident.environment_id === environment.id)
          .map((incident) => incident.severity),
        policyViolations: 0,
      }),
    })),
  };
}
