import { breakdownCents, centsToAmount, percents } from '../../platform/money.ts';
import type { DayRollup } from '../../store/cost-rollups.ts';

export const GROUPS = ['environment', 'service', 'day', 'metric'] as const;
export type GroupBy = (typeof GROUPS)[number];

export interface BreakdownLine {
  readonly group: string;
  readonly cost: number;
  readonly percent: number;
}

export interface Breakdown {
  readonly total: number;
  readonly breakdown: readonly BreakdownLine[];
}

const keyOf = (rollup: DayRollup, groupBy: GroupBy) =>
  groupBy === 'environment'
    ? rollup.environment_id
    : groupBy === 'service'
      ? rollup.service_id
      : groupBy === 'day'
        ? rollup.day
        : rollup.metric;

interface Group {
  femtos: bigint;
  /** The group's rollup of the latest day, which names it. */
  latest: DayRollup;
}

/**
 * Adds day rollups up by group and shapes them as the costs endpoint shows them:
 * the total rounded half up to the cent, each group's cents shared out of it by
 * largest remainder (so they add up to it exactly) and percents with one decimal
 * that add up to 100.0 (all zero when nothing was spent). Each group is labelled
 * from its rollup of the latest day (of that day's, the last one read), so a
 * renamed environment shows its newest name. Days are listed in calendar order,
 * other groups by cost, largest first, then by label.
 */
export function buildBreakdown(
  rollups: readonly DayRollup[],
  groupBy: GroupBy,
  label: (rollup: DayRollup) => string,
): Breakdown {
  const sums = new Map<string, Group>();
  for (const rollup of rollups) {
    const key = keyOf(rollup, groupBy);
    const group = sums.get(key);
    if (!group) sums.set(key, { femtos: rollup.cost_femtos, latest: rollup });
    else {
      group.femtos += rollup.cost_femtos;
      if (rollup.day >= group.latest.day) group.latest = rollup;
    }
  }
  const groups = [...sums.values()].map((group) => ({
    label: label(group.latest),
    femtos: group.femtos,
  }));
  groups.sort((a, b) =>
    groupBy === 'day'
      ? a.label.localeCompare(b.label)
      : a.femtos === b.femtos
        ? a.label.localeCompare(b.label)
        : a.femtos > b.femtos
          ? -1
          : 1,
  );
  const parts = groups.map((group) => group.femtos);
  const { total, shares } = breakdownCents(parts);
  const shareOfTotal = percents(parts);
  return {
    total: centsToAmount(total),
    breakdown: groups.map((group, index) => ({
      group: group.label,
      cost: centsToAmount(shares[index] ?? 0n),
      percent: shareOfTotal[index] ?? 0,
    })),
  };
}
