import { describe, expect, it } from 'vitest';
import {
  callerFromClaims,
  requireScope,
  requireWorkspace,
} from '../../../functions/platform/auth.ts';

describe('callerFromClaims', () => {
  it('reads workspace and space-separated scopes', () => {
    const caller = callerFromClaims({
      sub: 'USR-26-000001',
      workspace_id: 'WS-26-000021',
      scope: 'read write',
    });

    expect(caller.workspaceId).toBe('WS-26-000021');
    expect([...caller.scopes]).toEqual(['read', 'write']);
  });

  it('reads an array claim as the authorizer stringifies it', () => {
    const caller = callerFromClaims({
      workspace_id: 'WS-26-000021',
      scp: '[read deploy]',
    });

    expect([...caller.scopes]).toEqual(['read', 'deploy']);
  });

  it('refuses claims without a valid workspace', () => {
    expect(() => callerFromClaims({ workspace_id: 'nope' })).toThrow(/workspace_id/);
    expect(() => callerFromClaims(undefined)).toThrow(/workspace_id/);
  });
});

describe('requireScope', () => {
  it('lets admin through everywhere and others only with their scope', () => {
    const admin = callerFromClaims({ workspace_id: 'WS-26-000021', scope: 'admin' });
    const reader = callerFromClaims({ workspace_id: 'WS-26-000021', scope: 'read' });

    expect(() => requireScope(admin, 'deploy')).not.toThrow();
    expect(() => requireScope(reader, 'read')).not.toThrow();
    expect(() => requireScope(reader, 'write')).toThrow(/write/);
  });
});

describe('requireWorkspace', () => {
  it('refuses another workspace', () => {
    const caller = callerFromClaims({ workspace_id: 'WS-26-000021', scope: 'read' });

    expect(() => requireWorkspace(caller, 'WS-26-000021')).not.toThrow();
    expect(() => requireWorkspace(caller, 'WS-26-000022')).toThrow(/WS-26-000022/);
  });
});
