import type { Severity } from '../incidents/incident.ts';
import {
  type HealthComponent,
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
  readonly score: number;
  readonly components: readonly HealthComponent[];
}

export interface EstateHealth {
  readonly score: number;
  readonly components: readonly HealthComponent[];
  readonly environments: readonly EnvironmentHealth[];
}

/**
 * An estate's health and each environment's: an environment scores its own services
 * and the incidents in it; the estate scores all services, all unresolved incidents
 * and the estate's policy violations. Pure.
 */
export function estateHealthOf(
  environments: readonly EnvironmentInput[],
  incidents: readonly IncidentInput[],
  policyViolations: number,
): EstateHealth {
  const estate = healthOf({
    services: environments.flatMap((environment) => environment.services),
    openIncidents: incidents.map((incident) => incident.severity),
    policyViolations,
  });
  return {
    ...estate,
    environments: environments.map((environment) => ({
      environment_id: environment.id,
      name: environment.name,
      ...healthOf({
        services: environment.services,
        openIncidents: incidents
          .filter((incident) => incident.environment_id === environment.id)
          .map((incident) => incident.severity),
        policyViolations: 0,
      }),
    })),
  };
}
