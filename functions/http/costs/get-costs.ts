import * as z from 'zod/mini';
import { CURRENCY } from '../../domain/common.ts';
import { GROUPS } from '../../domain/costs/breakdown.ts';
import { type CostScope, costReport } from '../../domain/costs/cost-report.ts';
import { CalendarDate, daysBetween, MAX_RANGE_DAYS } from '../../domain/costs/dates.ts';
import { EnvironmentId } from '../../domain/environments/environment.ts';
import { EstateId } from '../../domain/estates/estate.ts';
import { httpHandler } from '../../platform/http.ts';

const Query = z
  .strictObject({
    estate_id: z.optional(EstateId),
    environment_id: z.optional(EnvironmentId),
    from: CalendarDate,
    to: CalendarDate,
    group_by: z.enum(GROUPS),
  })
  .check(
    z.superRefine((query, ctx) => {
      if ((query.estate_id === undefined) === (query.environment_id === undefined))
        ctx.addIssue({
          code: 'custom',
          path: ['estate_id'],
          message: 'Name exactly one of estate_id and environment_id.',
          params: { code: 'invalid_filter' },
        });
      if (query.from > query.to)
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: 'to is on or after from.',
          params: { code: 'invalid_range' },
        });
      else if (daysBetween(query.from, query.to) > MAX_RANGE_DAYS)
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: `A range covers at most ${MAX_RANGE_DAYS} days.`,
          params: { code: 'invalid_range' },
        });
    }),
  );

const scopeOf = (query: {
  estate_id?: string | undefined;
  environment_id?: string | undefined;
}): CostScope =>
  query.estate_id
    ? { kind: 'estate', id: query.estate_id }
    : { kind: 'environment', id: query.environment_id ?? '' };

/** GET /v1/infrastructure/costs — an estate's or environment's cost, broken down. */
export const handler = httpHandler(
  {
    scope: 'read',
    query: Query,
    summary: 'Cost of an estate or environment over a date range, broken down by a group',
    problems: [404],
  },
  async ({ query, caller }) => {
    const scope = scopeOf(query);
    const report = await costReport(
      scope,
      caller.workspaceId,
      query.from,
      query.to,
      query.group_by,
    );
    const subject =
      scope.kind === 'estate' ? { estate_id: scope.id } : { environment_id: scope.id };
    return {
      status: 200,
      body: {
        data: {
          ...subject,
          period: { from: query.from, to: query.to },
          total: report.total,
          currency: CURRENCY,
          breakdown: report.breakdown,
        },
      },
    };
  },
);
