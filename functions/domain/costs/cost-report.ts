import { environmentNames, serviceNames } from '../../store/cost-labels.ts';
import { queryDayRollups } from '../../store/cost-rollups.ts';
import type { EstateItem } from '../../store/estates.ts';
import type { Environment } from '../environments/environment.ts';
import { type Breakdown, buildBreakdown, type GroupBy } from './breakdown.ts';

export type CostScope =
  | { readonly kind: 'estate'; readonly estate: EstateItem }
  | { readonly kind: 'environment'; readonly environment: Environment };

/**
 * The cost of an estate or environment from one day to another, both included,
 * broken down by a group. It reads only day rollups (one Query), plus the names
 * the groups are labelled with: environment names, and service names, which for a
 * whole estate carry their environment's (`production/payments-api`) since one
 * service name can live in several environments.
 */
export async function costReport(
  scope: CostScope,
  from: string,
  to: string,
  groupBy: GroupBy,
): Promise<Breakdown> {
  const estateId =
    scope.kind === 'estate' ? scope.estate.id : scope.environment.estate_id;
  const environmentId = scope.kind === 'environment' ? scope.environment.id : undefined;
  const rollups = await queryDayRollups(estateId, from, to, environmentId);
  const needsEnvironments =
    groupBy === 'environment' || (groupBy === 'service' && scope.kind === 'estate');
  const environments = needsEnvironments ? await environmentNames(estateId) : new Map();
  const services =
    groupBy === 'service'
      ? await serviceNames([...new Set(rollups.map((rollup) => rollup.service_id))])
      : new Map<string, string>();
  const environmentOf = new Map(rollups.map((r) => [r.service_id, r.environment_id]));
  const label = (key: string) => {
    if (groupBy === 'environment') return environments.get(key) ?? key;
    if (groupBy !== 'service') return key;
    const name = services.get(key) ?? key;
    if (scope.kind === 'environment') return name;
    const environment = environments.get(environmentOf.get(key) ?? '');
    return environment ? `${environment}/${name}` : name;
  };
  return buildBreakdown(rollups, groupBy, label);
}
