import { NotFoundError } from '../../platform/errors.ts';
import {
  type CostScope,
  type DayRollup,
  queryDayRollups,
} from '../../store/cost-rollups.ts';
import { ownedEnvironment } from '../environments/owned-environment.ts';
import { ownedEstate } from '../estates/owned-estate.ts';
import { type Breakdown, buildBreakdown, type GroupBy } from './breakdown.ts';

export type { CostScope };

/**
 * How a group is labelled, from one of its rollups: by the environment's or
 * service's name recorded on it, and for a service of a whole estate with its
 * environment's too (`production/payments-api`), since one service name can live
 * in several environments. A rollup without a name falls back to the ID.
 */
export function labelOf(
  groupBy: GroupBy,
  scope: CostScope['kind'],
): (rollup: DayRollup) => string {
  const environment = (r: DayRollup) => r.environment_name ?? r.environment_id;
  const service = (r: DayRollup) => r.service_name ?? r.service_id;
  if (groupBy === 'environment') return environment;
  if (groupBy === 'day') return (r) => r.day;
  if (groupBy === 'metric') return (r) => r.metric;
  if (scope === 'environment') return service;
  return (r) => `${environment(r)}/${service(r)}`;
}

/**
 * The cost of an estate or environment from one day to another, both included,
 * broken down by a group, for the caller's workspace. One Query of the day rollups
 * answers it: each carries the workspace that owns it and the names its groups are
 * labelled with. Rollups of another workspace make it a 404. Only when the range
 * holds no rollup does one GetItem of the estate or environment decide between a
 * zero report and a 404. Rollups recorded before they carried their workspace are
 * left out (docs/costs.md).
 */
export async function costReport(
  scope: CostScope,
  workspaceId: string,
  from: string,
  to: string,
  groupBy: GroupBy,
): Promise<Breakdown> {
  const rollups = (await queryDayRollups(scope, from, to)).filter(
    (rollup) => rollup.workspace_id !== undefined,
  );
  if (rollups.some((rollup) => rollup.workspace_id !== workspaceId))
    throw new NotFoundError(scope.kind, scope.id);
  if (rollups.length === 0)
    await (scope.kind === 'estate' ? ownedEstate : ownedEnvironment)(
      scope.id,
      workspaceId,
    );
  return buildBreakdown(rollups, groupBy, labelOf(groupBy, scope.kind));
}
