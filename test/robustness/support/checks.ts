import { PROBLEM_TYPE_BASE } from '../../../functions/platform/problem.ts';

/** A response as the checks read it, from an in-process call or over HTTP. */
export interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  /** Whether API Gateway itself answered (its 401, 404 and 413 are plain `{message}`). */
  readonly fromGateway?: boolean;
}

const CODE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** What a body must never carry: stack frames, source paths, runtime internals. */
const INTERNALS = [
  /\n\s+at\s/,
  /\bat [\w$.<>]+ \((?:file:|node:|\/)/,
  /file:\/\/\//,
  /node:internal/,
  /\/node_modules\//,
  /\.ts:\d+:\d+/,
  /"stack"\s*:/,
  /\$metadata/,
  /\bhttpStatusCode\b/,
];

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function problemViolations(answer: Answer): string[] {
  const problem = parse(answer.text);
  if (!answer.contentType.startsWith('application/problem+json'))
    return [`content-type ${answer.contentType} is not application/problem+json`];
  if (!problem) return ['the problem body is not a JSON object'];
  const found: string[] = [];
  const code = problem.code;
  if (typeof code !== 'string' || !CODE.test(code))
    found.push(`code ${String(code)} is not snake_case`);
  if (problem.type !== `${PROBLEM_TYPE_BASE}${String(code)}`)
    found.push(`type ${String(problem.type)} does not name the code`);
  if (problem.status !== answer.status)
    found.push(`status ${String(problem.status)} differs from ${answer.status}`);
  for (const field of ['title', 'detail', 'request_id'])
    if (typeof problem[field] !== 'string' || problem[field] === '')
      found.push(`${field} is missing`);
  return found;
}

function gatewayViolations(answer: Answer): string[] {
  const body = parse(answer.text);
  return typeof body?.message === 'string' && [401, 404, 413].includes(answer.status)
    ? []
    : [`gateway answer ${answer.status} is not a {message} document`];
}

/**
 * What is wrong with an answer, as sentences; empty when it is fine. Every answer is
 * below 500, every refusal is an RFC 9457 problem document with a snake_case code
 * (API Gateway's own plain refusals aside), and no body shows internals.
 */
export function violations(answer: Answer): string[] {
  const found: string[] = [];
  if (answer.status >= 500) found.push(`answered ${answer.status}`);
  if (answer.status >= 400)
    found.push(
      ...(answer.fromGateway ? gatewayViolations(answer) : problemViolations(answer)),
    );
  for (const pattern of INTERNALS)
    if (pattern.test(answer.text)) found.push(`the body shows internals (${pattern})`);
  return found;
}
