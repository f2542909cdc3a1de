import { join } from 'node:path';
import { SCOPES } from '../../functions/platform/auth.ts';
import { readCommandLine } from './command-line.ts';
import { loadOrCreateKeys, signToken } from './jwt.ts';
import { REPO_ROOT } from './runtime.ts';

const USAGE =
  `usage: npm run token -- [--workspace WS-26-000021] [--scopes ${SCOPES.join(',')}] ` +
  '[--subject USR-26-000044] [--ttl seconds] [--data-dir path]';

const OPTIONS = {
  workspace: { type: 'string', default: 'WS-26-000021' },
  scopes: { type: 'string', default: 'read,write,deploy' },
  subject: { type: 'string', default: 'USR-26-000044' },
  ttl: { type: 'string', default: '3600' },
  'data-dir': {
    type: 'string',
    default: process.env.DATA_DIR ?? join(REPO_ROOT, '.data'),
  },
  help: { type: 'boolean', default: false },
} as const;

const { values } = readCommandLine(OPTIONS, USAGE);
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const scopes = values.scopes.split(/[\s,]+/).filter(Boolean);
const unknown = scopes.filter((scope) => !(SCOPES as readonly string[]).includes(scope));
const ttl = Number(values.ttl);
if (
  unknown.length > 0 ||
  !/^WS-\d{2}-\d{6}$/.test(values.workspace) ||
  !Number.isInteger(ttl)
) {
  console.error(
    USAGE + (unknown.length > 0 ? `\nunknown scope(s): ${unknown.join(', ')}` : ''),
  );
  process.exit(2);
}
const keys = await loadOrCreateKeys(join(values['data-dir'], 'keys'));
console.log(
  await signToken(keys, {
    workspaceId: values.workspace,
    scopes,
    subject: values.subject,
    ttlSeconds: ttl,
  }),
);
