import * as z from 'zod/mini';
import { ENVIRONMENT_TYPES, WORKLOAD_TYPES } from '../../drivers/driver.ts';
import { platformId } from '../common.ts';
import { WEEKDAYS } from './weekdays.ts';

const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;

const list = <S extends z.core.$ZodType>(item: S, what: string) =>
  z
    .array(item)
    .check(
      z.minLength(1, `Name at least one ${what}.`),
      z.maxLength(50, `At most 50 ${what}s.`),
      z.refine(unique, `Each ${what} appears once.`),
    );

export const AllowedRegions = z.strictObject({
  regions: list(z.string().check(z.minLength(1), z.maxLength(64)), 'region'),
});

export const AllowedServiceTypes = z.strictObject({
  types: list(z.enum(WORKLOAD_TYPES), 'service type'),
});

/** A registry host with an optional path prefix, such as `ghcr.io/apex-digital`. */
const RegistryPrefix = z
  .string()
  .check(
    z.regex(
      /^[a-z0-9.-]+(?::\d{1,5})?(?:\/[a-z0-9._-]+)*$/,
      'Use a registry host with an optional path, such as ghcr.io/apex-digital.',
    ),
  );

export const AllowedImageRegistries = z.strictObject({
  registries: list(RegistryPrefix, 'registry'),
});

export const RequiredProjectTags = z.strictObject({
  tags: list(platformId('PROJ'), 'project tag'),
});

export const MaxServicesPerEnvironment = z.strictObject({
  max: z.number().check(z.int(), z.gte(0), z.lte(1000)),
  environment_types: z.optional(list(z.enum(ENVIRONMENT_TYPES), 'environment type')),
});

const TimeOfDay = z
  .string()
  .check(
    z.regex(
      /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/,
      'Use a UTC time such as 09:00 or 24:00.',
    ),
  );

const Window = z
  .strictObject({
    days: list(z.enum(WEEKDAYS), 'day'),
    start: TimeOfDay,
    end: TimeOfDay,
  })
  .check(
    z.refine((window) => window.start < window.end, {
      message:
        'end comes after start on the same day; split a window that crosses midnight.',
      path: ['end'],
    }),
  );

export const DeploymentWindow = z.strictObject({
  windows: z
    .array(Window)
    .check(z.minLength(1, 'Name at least one window.'), z.maxLength(20)),
});

export const DeploymentFreeze = z
  .strictObject({
    from: z.iso.datetime({ offset: false }),
    to: z.iso.datetime({ offset: false }),
    reason: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
  })
  .check(
    z.refine((freeze) => Date.parse(freeze.from) < Date.parse(freeze.to), {
      message: 'to comes after from.',
      path: ['to'],
    }),
  );

export const MonthlyBudgetCeiling = z.strictObject({
  amount: z
    .number()
    .check(
      z.positive('amount is more than 0.'),
      z.lte(1_000_000_000),
      z.multipleOf(0.01, 'amount has at most two decimals.'),
    ),
  currency: z._default(z.literal('USD'), 'USD'),
});

export const PromotionOrder = z
  .strictObject({
    from_environment_type: z._default(z.enum(ENVIRONMENT_TYPES), 'staging'),
    to_environment_type: z._default(z.enum(ENVIRONMENT_TYPES), 'production'),
    min_soak_minutes: z._default(z.number().check(z.int(), z.gte(0), z.lte(43_200)), 0),
    require_healthy: z._default(z.boolean(), false),
  })
  .check(
    z.refine((order) => order.from_environment_type !== order.to_environment_type, {
      message: 'The environment types differ.',
      path: ['to_environment_type'],
    }),
  );

/** The parameters schema of each policy kind. */
export const PARAMETER_SCHEMAS = {
  allowed_regions: AllowedRegions,
  allowed_service_types: AllowedServiceTypes,
  allowed_image_registries: AllowedImageRegistries,
  required_project_tags: RequiredProjectTags,
  max_services_per_environment: MaxServicesPerEnvironment,
  deployment_window: DeploymentWindow,
  deployment_freeze: DeploymentFreeze,
  monthly_budget_ceiling: MonthlyBudgetCeiling,
  promotion_order: PromotionOrder,
} as const;

export type PolicyKind = keyof typeof PARAMETER_SCHEMAS;
export const POLICY_KINDS = Object.keys(PARAMETER_SCHEMAS) as readonly PolicyKind[];

export type ParametersOf<K extends PolicyKind> = z.output<(typeof PARAMETER_SCHEMAS)[K]>;
