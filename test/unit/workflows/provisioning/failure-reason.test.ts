import { describe, expect, it } from 'vitest';
import { failureReason } from '../../../../functions/workflows/provisioning/failure-reason.ts';

const internal = { Error: 'Error', Cause: 'estate ESTATE-26-000001 does not exist' };

describe('failureReason', () => {
  it('names provisioning when a provisioning task fails unexpectedly', () => {
    const reason = failureReason({ workflow: 'provisioning', error: internal });

    expect(reason).toBe('Provisioning failed because of an internal error.');
  });

  it('names deprovisioning when a deprovisioning task fails unexpectedly', () => {
    const reason = failureReason({ workflow: 'deprovisioning', error: internal });

    expect(reason).toBe('Deprovisioning failed because of an internal error.');
  });

  it.each([
    ['provisioning', 'A provisioning step timed out.'],
    ['deprovisioning', 'A deprovisioning step timed out.'],
  ] as const)('says which %s step timed out', (workflow, expected) => {
    const reason = failureReason({ workflow, error: { Error: 'States.Timeout' } });

    expect(reason).toBe(expected);
  });

  it('passes on the driver message from the JSON cause Lambda wraps it in', () => {
    const cause = JSON.stringify({ errorMessage: 'The subnet quota is exhausted.' });

    const reason = failureReason({
      workflow: 'deprovisioning',
      error: { Error: 'PermanentDriverError', Cause: cause },
    });

    expect(reason).toBe('The subnet quota is exhausted.');
  });

  it('says the network never became ready when provisioning runs out of checks', () => {
    const reason = failureReason({ workflow: 'provisioning' });

    expect(reason).toBe('The network did not become ready within 60 checks.');
  });

  it('says the network was not removed when the teardown runs out of checks', () => {
    const reason = failureReason({
      workflow: 'deprovisioning',
      blocked_by_deployments: false,
    });

    expect(reason).toBe('The network was not removed within 60 checks.');
  });

  it('says deployments kept running when the teardown gave up waiting for them', () => {
    const reason = failureReason({
      workflow: 'deprovisioning',
      blocked_by_deployments: true,
    });

    expect(reason).toBe(
      'Deployments kept running; the teardown gave up after 180 checks over 90 ' +
        'minutes. Delete the estate again once they have ended.',
    );
  });

  it('puts a failed task before running out of checks', () => {
    const reason = failureReason({
      workflow: 'deprovisioning',
      blocked_by_deployments: true,
      error: { Error: 'States.Timeout' },
    });

    expect(reason).toBe('A deprovisioning step timed out.');
  });
});
