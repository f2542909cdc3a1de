import { ApiError, ForbiddenError } from './errors.ts';

export const SCOPES = ['read', 'write', 'deploy', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** Who is calling, as established by the gateway's JWT authorizer. */
export interface Caller {
  readonly subject: string;
  readonly workspaceId: string;
  readonly scopes: ReadonlySet<Scope>;
}

type Claims = Readonly<Record<string, string | number | boolean | string[] | undefined>>;

const WORKSPACE_ID = /^WS-\d{2}-\d{6}$/;

/** The workspace a token names, or undefined when it names none (the chain answers 401 later). */
export function workspaceOf(claims: Claims | undefined): string | undefined {
  const workspaceId = claims?.workspace_id;
  return typeof workspaceId === 'string' && WORKSPACE_ID.test(workspaceId)
    ? workspaceId
    : undefined;
}

/** Reads the caller from the authorizer's claims; a token without them is refused. */
export function callerFromClaims(claims: Claims | undefined): Caller {
  const workspaceId = claims?.workspace_id;
  const subject = claims?.sub;
  if (typeof workspaceId !== 'string' || !WORKSPACE_ID.test(workspaceId)) {
    throw new ApiError(401, {
      code: 'invalid_token',
      detail: 'The token carries no valid workspace_id claim.',
    });
  }
  const raw = claims?.scope ?? claims?.scp ?? '';
  const words = Array.isArray(raw)
    ? raw
    : String(raw)
        .replace(/^\[|\]$/g, '')
        .split(/[\s,]+/);
  const scopes = new Set(SCOPES.filter((scope) => words.includes(scope)));
  return {
    subject: typeof subject === 'string' ? subject : 'unknown',
    workspaceId,
    scopes,
  };
}

/** Throws unless the caller holds the scope; `admin` holds every scope. */
export function requireScope(caller: Caller, scope: Scope): void {
  if (caller.scopes.has(scope) || caller.scopes.has('admin')) return;
  throw new ForbiddenError(
    'insufficient_scope',
    `This operation needs the '${scope}' scope.`,
  );
}

/** Throws unless the workspace named in a request is the caller's own. */
export function requireWorkspace(caller: Caller, workspaceId: string): void {
  if (workspaceId === caller.workspaceId) return;
  throw new ForbiddenError(
    'workspace_forbidden',
    `The token does not grant access to workspace ${workspaceId}.`,
  );
}
