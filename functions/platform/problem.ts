import { ApiError } from './errors.ts';

/** An RFC 9457 problem details document, with this API's extensions. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly request_id: string;
  readonly errors?: readonly { field: string; message: string; code: string }[];
  readonly [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const PROBLEM_TYPE_BASE = 'https://docs.platform.example/problems/';

/** Builds the problem document for an error; unknown errors reveal nothing. */
export function toProblem(error: unknown, requestId: string): Problem {
  if (error instanceof ApiError) {
    return {
      type: `${PROBLEM_TYPE_BASE}${error.code}`,
      title: TITLES[error.status] ?? 'Error',
      status: error.status,
      detail: error.message,
      code: error.code,
      request_id: requestId,
      ...(error.fields.length > 0 ? { errors: error.fields } : {}),
      ...error.extra,
    };
  }
  return {
    type: `${PROBLEM_TYPE_BASE}internal_error`,
    title: TITLES[500] ?? 'Internal Server Error',
    status: 500,
    detail: 'An unexpected error occurred. Quote the request_id when reporting it.',
    code: 'internal_error',
    request_id: requestId,
  };
}
