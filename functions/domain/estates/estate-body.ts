import * as z from 'zod/mini';
import { platformId, WorkspaceId } from '../common.ts';
import { DisplayName } from '../fields.ts';
import { checkVpcCidr, MAX_PREFIX, MIN_PREFIX } from './cidr.ts';
import { ESTATE_TIERS } from './estate.ts';
import { isRegionOf, PROVIDERS, regionsOf, zonesOf } from './regions.ts';

// Apart from estate.ts, which most functions load for EstateId alone: only the routes
// that take these bodies need the CIDR rules and the region catalogue.

const CIDR_MESSAGES = {
  malformed: 'Expected an IPv4 CIDR block such as 10.0.0.0/16.',
  host_bits_set:
    'The address has bits set past the prefix length; use the network address.',
  not_private:
    'Use a private range: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10.',
  prefix_out_of_range: `The prefix length must be from /${MIN_PREFIX} to /${MAX_PREFIX}.`,
} as const;

const VpcCidr = z.string().check(
  z.superRefine((cidr, ctx) => {
    const problem = checkVpcCidr(cidr);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message: CIDR_MESSAGES[problem],
        params: { reason: problem },
      });
  }),
);

/** Up to 50 distinct project tags. */
export const ProjectTags = z.array(platformId('PROJ')).check(
  z.maxLength(50, 'At most 50 project tags.'),
  z.refine((tags) => new Set(tags).size === tags.length, 'Project tags must be unique.'),
);

/** The body of POST /v1/infrastructure/estates. */
export const CreateEstateBody = z
  .strictObject({
    workspace_id: WorkspaceId,
    subscription_id: platformId('SUB'),
    project_tags: z._default(ProjectTags, []),
    name: DisplayName,
    provider: z.enum(PROVIDERS),
    region: z.string().check(z.minLength(1), z.maxLength(64)),
    tier: z._default(z.enum(ESTATE_TIERS), 'managed'),
    config: z.strictObject({
      vpc_cidr: VpcCidr,
      availability_zones: z.optional(
        z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(
          z.minLength(1, 'Name at least one availability zone.'),
          z.maxLength(6, 'At most 6 availability zones.'),
          z.refine(
            (zones) => new Set(zones).size === zones.length,
            'Zones must be unique.',
          ),
        ),
      ),
    }),
  })
  .check(
    z.superRefine((body, ctx) => {
      if (!isRegionOf(body.provider, body.region)) {
        ctx.addIssue({
          code: 'custom',
          path: ['region'],
          // The same code as an unknown region in an allowed_regions policy.
          params: { code: 'invalid_value' },
          message: `Unknown ${body.provider} region. Known regions: ${regionsOf(body.provider).join(', ')}.`,
        });
        return;
      }
      const zones = zonesOf(body.provider, body.region);
      body.config.availability_zones?.forEach((zone, index) => {
        if (zones.includes(zone)) return;
        ctx.addIssue({
          code: 'custom',
          path: ['config', 'availability_zones', index],
          params: { code: 'invalid_value' },
          message: `${zone} is not a zone of ${body.region}. Zones: ${zones.join(', ') || 'none'}.`,
        });
      });
    }),
  );
