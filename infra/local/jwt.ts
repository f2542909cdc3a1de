import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  exportPKCS8,
  exportSPKI,
  generateKeyPair,
  importPKCS8,
  importSPKI,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';

/** RSA algorithms only, as API Gateway's JWT authorizer accepts; never `none`. */
export const ALLOWED_ALGORITHMS = ['RS256', 'RS384', 'RS512'];

export const LOCAL_ISSUER =
  process.env.JWT_ISSUER ?? 'https://auth.local.platforms-infrastructure.test/';
export const LOCAL_AUDIENCE = process.env.JWT_AUDIENCE ?? 'platforms-infrastructure-api';

export interface SigningKeys {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
}

/** Loads the local signing key pair from `dir`, creating it on first use. */
export async function loadOrCreateKeys(dir: string): Promise<SigningKeys> {
  const privatePath = join(dir, 'jwt-private.pem');
  const publicPath = join(dir, 'jwt-public.pem');
  if (!existsSync(privatePath) || !existsSync(publicPath)) {
    const pair = await generateKeyPair('RS256', { extractable: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(privatePath, await exportPKCS8(pair.privateKey), { mode: 0o600 });
    writeFileSync(publicPath, await exportSPKI(pair.publicKey));
  }
  return {
    privateKey: await importPKCS8(readFileSync(privatePath, 'utf8'), 'RS256'),
    publicKey: await importSPKI(readFileSync(publicPath, 'utf8'), 'RS256'),
  };
}

export interface TokenRequest {
  readonly workspaceId: string;
  readonly scopes: readonly string[];
  readonly subject?: string;
  readonly ttlSeconds?: number;
}

/** Signs a local access token shaped like the ones the real identity provider issues. */
export function signToken(keys: SigningKeys, request: TokenRequest): Promise<string> {
  return new SignJWT({
    workspace_id: request.workspaceId,
    scope: request.scopes.join(' '),
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setSubject(request.subject ?? 'USR-26-000001')
    .setIssuedAt()
    .setExpirationTime(`${request.ttlSeconds ?? 3600}s`)
    .sign(keys.privateKey);
}

/** Tokens verified per key pair; each is re-checked against the clock on every use. */
const verified = new WeakMap<SigningKeys, Map<string, JWTPayload>>();
/** Verified tokens remembered per key pair before the oldest are forgotten. */
const VERIFIED_CACHE_SIZE = 1000;

/**
 * Verifies a bearer token as the HTTP API JWT authorizer does: signature, algorithm,
 * issuer, audience, expiry and not-before. Returns the claims, or null when refused.
 * A token whose signature and claims have been verified once is remembered, so a
 * client reusing its token pays for the RSA check once; expiry and not-before are
 * still checked on every request.
 */
export async function verifyToken(
  keys: SigningKeys,
  header: string | undefined,
): Promise<JWTPayload | null> {
  if (!header) return null;
  const token = header.replace(/^Bearer\s+/i, '').trim();
  let cache = verified.get(keys);
  if (!cache) {
    cache = new Map();
    verified.set(keys, cache);
  }
  const known = cache.get(token);
  if (known) {
    if (inForce(known, Math.floor(Date.now() / 1000))) return known;
    cache.delete(token);
    return null;
  }
  try {
    const { payload } = await jwtVerify(token, keys.publicKey, {
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      algorithms: ALLOWED_ALGORITHMS,
      requiredClaims: ['exp'],
    });
    if (cache.size >= VERIFIED_CACHE_SIZE) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(token, payload);
    return payload;
  } catch {
    return null;
  }
}

/** Whether verified claims are still in force at `nowSeconds` (as jose judges them). */
function inForce(payload: JWTPayload, nowSeconds: number): boolean {
  if (typeof payload.exp !== 'number' || payload.exp <= nowSeconds) return false;
  return typeof payload.nbf !== 'number' || payload.nbf <= nowSeconds;
}

/** Claims as the authorizer passes them on: every value a string. */
export function stringifyClaims(payload: JWTPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (Array.isArray(value)) claims[name] = `[${value.join(' ')}]`;
    else if (typeof value === 'object' && value !== null)
      claims[name] = JSON.stringify(value);
    else claims[name] = String(value);
  }
  return claims;
}
