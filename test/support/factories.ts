import type { Estate } from '../../functions/domain/estates/estate.ts';
import { SPEC_EXAMPLES } from '../../functions/openapi/spec-examples.ts';

/** The spec's example estate body, with overrides. */
export function estateBody(overrides: Record<string, unknown> = {}) {
  return { ...structuredClone(SPEC_EXAMPLES.createEstate), ...overrides };
}

/** An estate record as the store keeps it, active by default, with overrides. */
export function estateRecord(overrides: Partial<Estate> = {}): Estate {
  return {
    id: 'ESTATE-26-000004',
    workspace_id: 'WS-26-000021',
    subscription_id: 'SUB-26-001122',
    project_tags: ['PROJ-26-004281'],
    service_line_id: 'LIN-26-091100',
    name: 'Payments Platform Infrastructure',
    provider: 'aws',
    region: 'eu-west-1',
    tier: 'managed',
    status: 'active',
    status_reason: null,
    config: {
      vpc_cidr: '10.0.0.0/16',
      availability_zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    },
    environment_count: 0,
    health_score: 100,
    created_at: '2026-04-01T00:00:00Z',
    updated_at: '2026-04-01T00:00:00Z',
    ...overrides,
  };
}

/** The body of POST /v1/infrastructure/environments, like the spec's production one. */
export function environmentBody(
  estateId: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    estate_id: estateId,
    name: 'production',
    type: 'production',
    config: { variables: { LOG_LEVEL: 'info' } },
    ...overrides,
  };
}

/** The body of POST /v1/infrastructure/services, like the spec's payments-api. */
export function serviceBody(
  environmentId: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    environment_id: environmentId,
    name: 'payments-api',
    type: 'container_service',
    config: {
      image: 'ghcr.io/apex-digital/payments-api:v2.4.1',
      replicas: 3,
      cpu: 1,
      memory_mb: 2048,
      port: 8080,
    },
    ...overrides,
  };
}
/** A workspace ID of its own, so a test can count what it created. */
export function workspaceId(): string {
  return `WS-26-${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
}

/** A fresh Idempotency-Key. */
export const idempotencyKey = () => `key-${crypto.randomUUID()}`;
