import * as z from 'zod/mini';
import { validate } from '../../platform/validate.ts';
import type { Estate } from '../estates/estate.ts';
import { PROVIDERS, type Provider, regionsOf } from '../estates/regions.ts';
import type { PolicyRule } from './policy.ts';

const regionsOfProvider = (provider: Provider) => {
  const known = regionsOf(provider);
  return z.object({
    regions: z.array(
      z.enum(known, {
        error: (issue) =>
          `${String(issue.input)} is not a region of ${provider}. Known ${provider} regions: ${known.join(', ')}.`,
      }),
    ),
  });
};

const SCHEMAS = Object.fromEntries(
  PROVIDERS.map((provider) => [provider, regionsOfProvider(provider)]),
) as Record<Provider, ReturnType<typeof regionsOfProvider>>;

/**
 * Throws 400 `validation_failed` naming each region of an `allowed_regions` policy that
 * the estate's provider does not offer: the estate's own region never could be one of
 * them, so such a policy would only lock the estate against every change.
 */
export function requireProviderRegions(
  estate: Estate,
  rule: PolicyRule,
  root = 'body.parameters',
): void {
  if (rule.kind !== 'allowed_regions') return;
  validate(SCHEMAS[estate.provider], rule.parameters, root);
}
