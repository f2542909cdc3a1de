import { ConflictError } from '../../platform/errors.ts';

/** Thrown when the estate changed between reading it and writing a change to it. */
export class EstateChangedError extends ConflictError {
  constructor(estateId: string, cause: unknown) {
    super(
      'estate_changed',
      `Estate ${estateId} changed while this request ran; read it again and retry.`,
    );
    this.name = 'EstateChangedError';
    this.cause = cause;
  }
}
