import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  loadOrCreateKeys,
  type SigningKeys,
  signToken,
  verifyToken,
} from '../../../../infra/local/jwt.ts';

let keys: SigningKeys;
let otherKeys: SigningKeys;

beforeAll(async () => {
  keys = await loadOrCreateKeys(mkdtempSync(join(tmpdir(), 'jwt-')));
  otherKeys = await loadOrCreateKeys(mkdtempSync(join(tmpdir(), 'jwt-')));
});
afterEach(() => {
  vi.useRealTimers();
});

const token = (ttlSeconds = 60, signer = keys) =>
  signToken(signer, { workspaceId: 'WS-26-000001', scopes: ['read'], ttlSeconds });

describe('verifyToken', () => {
  it('answers the claims of a valid bearer token', async () => {
    const bearer = `Bearer ${await token()}`;

    const claims = await verifyToken(keys, bearer);

    expect(claims?.workspace_id).toBe('WS-26-000001');
  });

  it('refuses a token once it expires, though it was verified before', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const bearer = `Bearer ${await token(60)}`;
    expect(await verifyToken(keys, bearer)).not.toBeNull();

    vi.setSystemTime(Date.now() + 61_000);
    const later = await verifyToken(keys, bearer);

    expect(later).toBeNull();
  });

  it('refuses a token signed by another key, every time', async () => {
    const bearer = `Bearer ${await token(60, otherKeys)}`;

    const first = await verifyToken(keys, bearer);
    const second = await verifyToken(keys, bearer);

    expect([first, second]).toEqual([null, null]);
  });

  it('does not let a token verified with one key pass for another', async () => {
    const bearer = `Bearer ${await token()}`;
    await verifyToken(keys, bearer);

    const claims = await verifyToken(otherKeys, bearer);

    expect(claims).toBeNull();
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const [header, , signature] = (await token()).split('.');
    const forged = Buffer.from(
      JSON.stringify({ workspace_id: 'WS-26-000002', exp: 4_000_000_000 }),
    ).toString('base64url');

    const claims = await verifyToken(keys, `Bearer ${header}.${forged}.${signature}`);

    expect(claims).toBeNull();
  });

  it('refuses a missing header', async () => {
    expect(await verifyToken(keys, undefined)).toBeNull();
  });
});
