/** The spec's example estate body, with overrides. */
export function estateBody(overrides: Record<string, unknown> = {}) {
  return {
    workspace_id: 'WS-26-000021',
    subscription_id: 'SUB-26-001122',
    project_tags: ['PROJ-26-004281'],
    name: 'Payments Platform Infrastructure',
    provider: 'aws',
    region: 'eu-west-1',
    tier: 'managed',
    config: {
      vpc_cidr: '10.0.0.0/16',
      availability_zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
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
