import type {
  ParametersOf,
  PolicyKind,
} from '../../../../functions/domain/policies/kinds.ts';
import type { Policy } from '../../../../functions/domain/policies/policy.ts';
import type {
  EstateFacts,
  PolicyFacts,
  PolicySubject,
} from '../../../../functions/domain/policies/subject.ts';

/** A policy of a kind with its parameters, enforced and active unless told otherwise. */
export function policyOf<K extends PolicyKind>(
  kind: K,
  parameters: ParametersOf<K>,
  overrides: Partial<Pick<Policy, 'enforcement' | 'status' | 'id'>> = {},
): Policy {
  return {
    id: 'INFPOL-26-000001',
    workspace_id: 'WS-26-000021',
    estate_id: 'ESTATE-26-000004',
    name: `${kind} policy`,
    kind,
    parameters,
    enforcement: 'enforce',
    status: 'active',
    version: 1,
    created_at: '2026-04-01T00:00:00Z',
    updated_at: '2026-04-01T00:00:00Z',
    ...overrides,
  } as Policy;
}

export const estate: EstateFacts = {
  id: 'ESTATE-26-000004',
  region: 'eu-west-1',
  project_tags: ['PROJ-26-004281'],
  cost_mtd_micros: 0,
};

const production = {
  id: 'INFENV-26-000011',
  name: 'production',
  type: 'production' as const,
};

export const newEnvironment: PolicySubject = {
  action: 'create_environment',
  environment: { name: 'staging', type: 'staging', service_count: 0 },
};

export const newService = (
  overrides: Partial<{
    type: 'container_service' | 'message_queue';
    image: string | null;
    count: number;
  }> = {},
): PolicySubject => ({
  action: 'create_service',
  environment: { ...production, service_count: overrides.count ?? 0 },
  service: {
    type: overrides.type ?? 'container_service',
    image:
      overrides.image === undefined
        ? 'ghcr.io/apex-digital/payments-api:v2.4.1'
        : overrides.image,
  },
});

export const newDeployment = (
  image = 'ghcr.io/apex-digital/payments-api:v2.4.1',
  type: 'production' | 'staging' = 'production',
): PolicySubject => ({
  action: 'create_deployment',
  environment: { ...production, type, service_count: 1 },
  service: { id: 'INFSVC-26-000041', type: 'container_service' },
  image,
});

/** Facts at a moment, with no promotions unless given. */
export const factsAt = (
  iso: string,
  promotions: PolicyFacts['promotions'] = {},
): PolicyFacts => ({ now: new Date(iso), promotions });
