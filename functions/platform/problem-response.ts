import type { APIGatewayProxyStructuredResultV2 as HttpResponse } from 'aws-lambda';
import { ApiError } from './errors.ts';
import { toProblem } from './problem.ts';

/** The HTTP response for an error: a problem document with the error's own headers. */
export function problemResponse(error: unknown, requestId: string): HttpResponse {
  const problem = toProblem(error, requestId);
  const headers = error instanceof ApiError ? error.headers : {};
  return {
    statusCode: problem.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
    body: JSON.stringify(problem),
  };
}
