/** A field-level problem found while validating a request. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
  readonly code: string;
}

interface ApiErrorOptions {
  readonly code: string;
  readonly detail: string;
  readonly fields?: readonly FieldError[];
  readonly headers?: Readonly<Record<string, string>>;
  readonly extra?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

/**
 * An error whose message is safe to show to the client. Anything that is not an
 * ApiError becomes a generic 500 in the error mapper.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: readonly FieldError[];
  readonly headers: Readonly<Record<string, string>>;
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(status: number, options: ApiErrorOptions) {
    super(options.detail, { cause: options.cause });
    this.name = 'ApiError';
    this.status = status;
    this.code = options.code;
    this.fields = options.fields ?? [];
    this.headers = options.headers ?? {};
    this.extra = options.extra ?? {};
  }
}

export class BadRequestError extends ApiError {
  constructor(code: string, detail: string, fields?: readonly FieldError[]) {
    super(400, { code, detail, fields });
    this.name = 'BadRequestError';
  }
}

export class ValidationError extends ApiError {
  constructor(fields: readonly FieldError[], detail = 'The request has invalid fields.') {
    super(400, { code: 'validation_failed', detail, fields });
    this.name = 'ValidationError';
  }
}

export class ForbiddenError extends ApiError {
  constructor(code: string, detail: string) {
    super(403, { code, detail });
    this.name = 'ForbiddenError';
  }
}

export class NotFoundError extends ApiError {
  constructor(kind: string, id: string) {
    super(404, { code: `${kind}_not_found`, detail: `No ${kind} with id ${id} exists.` });
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends ApiError {
  constructor(code: string, detail: string, extra?: Record<string, unknown>) {
    super(409, { code, detail, extra });
    this.name = 'ConflictError';
  }
}

export class UnprocessableError extends ApiError {
  constructor(code: string, detail: string, extra?: Record<string, unknown>) {
    super(422, { code, detail, extra });
    this.name = 'UnprocessableError';
  }
}

export class PreconditionFailedError extends ApiError {
  constructor(
    detail: string,
    headers: Record<string, string>,
    extra?: Record<string, unknown>,
  ) {
    super(412, { code: 'precondition_failed', detail, headers, extra });
    this.name = 'PreconditionFailedError';
  }
}

export class TooManyRequestsError extends ApiError {
  constructor(code: string, detail: string, retryAfterSeconds: number) {
    super(429, {
      code,
      detail,
      headers: { 'retry-after': String(retryAfterSeconds) },
      extra: { retry_after_seconds: retryAfterSeconds },
    });
    this.name = 'TooManyRequestsError';
  }
}
