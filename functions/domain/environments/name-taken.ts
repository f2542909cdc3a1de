import { ConflictError } from '../../platform/errors.ts';

/** 409 for an environment name another environment of the estate already holds. */
export const environmentNameTaken = (estateId: string, name: string) =>
  new ConflictError(
    'environment_name_taken',
    `Estate ${estateId} already has an environment named ${name}.`,
    { field: 'body.name' },
  );
