import { describe, expect, it } from 'vitest';
import type { PlatformEvent } from '../../../../functions/domain/events.ts';
import { pickSuspectedChanges } from '../../../../functions/domain/incidents/suspected-changes.ts';

const event = (
  type: string,
  subject: string,
  time: string,
  data: Record<string, unknown> = {},
): PlatformEvent => ({
  event_id: `evt_${subject}_${time}`,
  type,
  time,
  workspace_id: 'WS-26-000021',
  estate_id: 'ESTATE-26-000004',
  service_line_id: 'LIN-26-091100',
  subject_id: subject,
  data,
});

describe('pickSuspectedChanges', () => {
  it('names each deployment of an affected service once, by its latest event', () => {
    const events = [
      event(
        'infrastructure.deployment.rolled_back',
        'DEPLOY-26-000002',
        '2026-04-15T10:05:00Z',
        {
          service_id: 'INFSVC-26-000041',
        },
      ),
      event(
        'infrastructure.deployment.started',
        'DEPLOY-26-000002',
        '2026-04-15T10:00:00Z',
        {
          service_id: 'INFSVC-26-000041',
        },
      ),
    ];

    const picked = pickSuspectedChanges(events, new Set(['INFSVC-26-000041']));

    expect(picked).toEqual([
      {
        kind: 'deployment',
        id: 'DEPLOY-26-000002',
        last_event: 'infrastructure.deployment.rolled_back',
        at: '2026-04-15T10:05:00Z',
      },
    ]);
  });

  it('leaves out deployments of other services', () => {
    const events = [
      event(
        'infrastructure.deployment.succeeded',
        'DEPLOY-26-000003',
        '2026-04-15T10:00:00Z',
        {
          service_id: 'INFSVC-26-000099',
          environment_id: 'INFENV-26-000012',
        },
      ),
    ];

    const picked = pickSuspectedChanges(events, new Set(['INFSVC-26-000041']));

    expect(picked).toEqual([]);
  });

  it('suspects every policy change of the estate', () => {
    const events = [
      event('infrastructure.policy.updated', 'INFPOL-26-000001', '2026-04-15T09:30:00Z'),
    ];

    const picked = pickSuspectedChanges(events, new Set(['INFSVC-26-000041']));

    expect(picked.map((change) => [change.kind, change.id])).toEqual([
      ['policy', 'INFPOL-26-000001'],
    ]);
  });

  it('ignores events that are not changes', () => {
    const events = [
      event('infrastructure.service.updated', 'INFSVC-26-000041', '2026-04-15T10:00:00Z'),
    ];

    expect(pickSuspectedChanges(events, new Set(['INFSVC-26-000041']))).toEqual([]);
  });
});
