import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../../../functions/platform/errors.ts';
import { toProblem } from '../../../functions/platform/problem.ts';

describe('toProblem', () => {
  it('shows a client error’s code, detail and fields', () => {
    const error = new ValidationError([
      { field: 'body.name', message: 'name is required.', code: 'invalid_type' },
    ]);

    const problem = toProblem(error, 'req-1');

    expect(problem).toMatchObject({
      status: 400,
      code: 'validation_failed',
      request_id: 'req-1',
    });
    expect(problem.errors).toHaveLength(1);
    expect(problem.type).toMatch(/validation_failed$/);
  });

  it('carries extensions such as the conflicting object', () => {
    const problem = toProblem(
      new ConflictError('busy', 'Busy.', { active_deployment_id: 'DEPLOY-26-000001' }),
      'r',
    );

    expect(problem.active_deployment_id).toBe('DEPLOY-26-000001');
  });

  it('hides everything about an unexpected error', () => {
    const error = new Error(
      'ValidationException: One or more parameter values were invalid at arn:aws:dynamodb',
    );

    const problem = toProblem(error, 'req-2');

    expect(problem.status).toBe(500);
    expect(problem.code).toBe('internal_error');
    expect(JSON.stringify(problem)).not.toMatch(/dynamodb|ValidationException|stack/i);
  });
});
