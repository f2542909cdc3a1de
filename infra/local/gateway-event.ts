import { isUtf8 } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';

const TEXT_TYPES = [
  /^text\//,
  /^application\/(json|xml|javascript|x-www-form-urlencoded)$/,
  /\+(json|xml)$/,
];

/** Whether API Gateway passes a body of this content type as text rather than base64. */
export function isTextContent(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === '' || TEXT_TYPES.some((pattern) => pattern.test(mediaType));
}

/** A request ID shaped like API Gateway's (`apigw-requestid`). */
export const newRequestId = () => `${randomBytes(6).toString('base64url')}=`;

function clfTime(date: Date): string {
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(
    date.getUTCHours(),
  )}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

export interface GatewayRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly routeKey: string;
  readonly pathParameters: Record<string, string> | undefined;
  readonly claims: Record<string, string> | undefined;
  readonly requestId: string;
  readonly now: Date;
}

/** Builds the HTTP API payload format 2.0 event exactly as API Gateway shapes it. */
export function toGatewayEvent(
  request: GatewayRequest,
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const questionMark = request.url.indexOf('?');
  const rawPath = questionMark >= 0 ? request.url.slice(0, questionMark) : request.url;
  const rawQueryString = questionMark >= 0 ? request.url.slice(questionMark + 1) : '';
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    const joined = Array.isArray(value) ? value.join(',') : value;
    if (name === 'cookie') cookies = joined.split(/;\s*/).filter(Boolean);
    else headers[name.toLowerCase()] = joined;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    query[name] = name in query ? `${query[name]},${value}` : value;
  }
  // Bytes that are not UTF-8 go on base64-encoded even under a text type: decoding them
  // here would hand the function U+FFFD where the client sent something else.
  const text = isTextContent(headers['content-type']) && isUtf8(request.body);
  const hasBody = request.body.length > 0;
  const event = {
    version: '2.0',
    routeKey: request.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(request.pathParameters ? { pathParameters: request.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer: { jwt: { claims: request.claims ?? {}, scopes: null } },
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: (headers.host ?? '127.0.0.1').split('.')[0] ?? 'local',
      http: {
        method: request.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: request.requestId,
      routeKey: request.routeKey,
      stage: '$default',
      time: clfTime(request.now),
      timeEpoch: request.now.getTime(),
    },
    ...(hasBody
      ? { body: text ? request.body.toString('utf8') : request.body.toString('base64') }
      : {}),
    isBase64Encoded: hasBody && !text,
  };
  return event as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}
