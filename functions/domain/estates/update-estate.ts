import * as z from 'zod/mini';
import { ConflictError } from '../../platform/errors.ts';
import { buildUpdateEstateFields, type EstateItem } from '../../store/estates.ts';
import { buildPutEvent } from '../../store/events.ts';
import { ConditionFailedError, transact } from '../../store/transact.ts';
import { nowIso } from '../common.ts';
import { DisplayName, fixedField } from '../fields.ts';
import { ProjectTags } from './estate-body.ts';
import { EstateChangedError } from './estate-changed.ts';
import { estateEvent } from './estate-events.ts';

const EDITABLE = ['name', 'project_tags'] as const;
/** Fields set once, when the estate is created. */
const FIXED = ['workspace_id', 'subscription_id', 'provider', 'region', 'tier', 'config'];

const fixed = Object.fromEntries(
  FIXED.map((field) => [
    field,
    fixedField(
      `${field} is fixed when the estate is created; only ${EDITABLE.join(' and ')} can change.`,
    ),
  ]),
);

/** The body of PATCH /v1/infrastructure/estates/{id}: at least one editable field. */
export const UpdateEstateBody = z.pipe(
  z
    .looseObject({
      name: z.optional(DisplayName),
      project_tags: z.optional(ProjectTags),
      ...fixed,
    })
    .check(
      z.superRefine((body, ctx) => {
        for (const field of Object.keys(body)) {
          if ((EDITABLE as readonly string[]).includes(field) || FIXED.includes(field))
            continue;
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `Unknown field(s): ${field}.`,
            params: { code: 'unknown_field' },
          });
        }
        if (body.name === undefined && body.project_tags === undefined)
          ctx.addIssue({
            code: 'custom',
            message: `Give at least one of ${EDITABLE.join(' or ')}.`,
            params: { code: 'empty_update' },
          });
      }),
    ),
  z.transform((body) => ({ name: body.name, project_tags: body.project_tags })),
);

export type UpdateEstateInput = z.output<typeof UpdateEstateBody>;

/** Project tags are a set (each at most once): the same tags in another order are no change. */
const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((tag) => b.includes(tag));

function changedFields(estate: EstateItem, input: UpdateEstateInput) {
  const changes: Record<string, unknown> = {};
  if (input.name !== undefined && input.name !== estate.name) changes.name = input.name;
  if (
    input.project_tags !== undefined &&
    !sameTags(input.project_tags, estate.project_tags)
  )
    changes.project_tags = input.project_tags;
  return changes;
}

/**
 * Renames or re-tags an estate and, in the same transaction, records the
 * `infrastructure.estate.updated` event. The write holds only if the estate is still
 * at the version that was read; asking for what is already there changes nothing.
 */
export async function updateEstate(
  estate: EstateItem,
  input: UpdateEstateInput,
): Promise<EstateItem> {
  if (estate.status === 'deprovisioning' || estate.status === 'deprovisioned') {
    throw new ConflictError(
      'estate_not_updatable',
      `Estate ${estate.id} is ${estate.status} and can no longer be changed.`,
    );
  }
  const changes = changedFields(estate, input);
  if (Object.keys(changes).length === 0) return estate;
  const now = new Date();
  const next = {
    ...estate,
    ...changes,
    updated_at: nowIso(now),
    version: estate.version + 1,
  };
  const event = estateEvent(next, 'updated', now, {
    project_tags: next.project_tags,
    changed_fields: Object.keys(changes),
  });
  try {
    await transact([
      {
        Update: buildUpdateEstateFields(
          estate.id,
          estate.version,
          changes,
          next.updated_at,
        ),
      },
      { Put: buildPutEvent(event) },
    ]);
  } catch (error) {
    if (error instanceof ConditionFailedError)
      throw new EstateChangedError(estate.id, error);
    throw error;
  }
  return next;
}
