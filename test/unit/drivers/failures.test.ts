import { describe, expect, it } from 'vitest';
import { DriverConfigError } from '../../../functions/drivers/errors.ts';
import {
  createFaultInjector,
  type FailureCall,
  parseFailures,
} from '../../../functions/drivers/failures.ts';

const aCall = (overrides: Partial<FailureCall> = {}): FailureCall => ({
  operation: 'provisionNetwork',
  subjects: ['ESTATE-26-000004', 'Payments Platform Infrastructure'],
  ...overrides,
});

/** Calls the injector `times` times and names what each call met. */
function outcomes(spec: string, call: FailureCall, times: number): string[] {
  const inject = createFaultInjector(parseFailures(spec));
  return Array.from({ length: times }, () => {
    try {
      inject(call);
      return 'ok';
    } catch (error) {
      return (error as Error).name;
    }
  });
}

describe('parseFailures', () => {
  it('parses a transient entry with a count and a permanent entry with a subject', () => {
    const spec = 'provisionNetwork:transient:2, rollBatch@payments-api:permanent';

    const rules = parseFailures(spec);

    expect(rules).toEqual([
      {
        operation: 'provisionNetwork',
        subject: null,
        mode: 'transient',
        count: 2,
        spec: 'provisionNetwork:transient:2',
      },
      {
        operation: 'rollBatch',
        subject: 'payments-api',
        mode: 'permanent',
        count: Number.POSITIVE_INFINITY,
        spec: 'rollBatch@payments-api:permanent',
      },
    ]);
  });

  it('counts one failure when a transient entry gives no count', () => {
    const [rule] = parseFailures('readHealth:transient');

    expect(rule?.count).toBe(1);
  });

  it.each(['', '  ', ' , '])('injects nothing for the spec "%s"', (spec) => {
    expect(parseFailures(spec)).toEqual([]);
  });

  it.each([
    ['provision:transient', 'unknown operation "provision"'],
    ['rollBatch:flaky', 'unknown mode "flaky"'],
    ['rollBatch@:permanent', 'the subject after @ is empty'],
    ['rollBatch:permanent:3', 'takes no count'],
    ['rollBatch:transient:0', 'the count "0" is not a positive whole number'],
    ['rollBatch:transient:two', 'the count "two" is not a positive whole number'],
    ['rollBatch', 'expected <operation>[@<subject>]'],
    ['rollBatch:transient,', 'expected <operation>[@<subject>]'],
  ])('rejects "%s" saying %s', (spec, message) => {
    const parse = () => parseFailures(spec);

    expect(parse).toThrow(DriverConfigError);
    expect(parse).toThrow(message);
  });

  it('names the bad entry in the error', () => {
    const parse = () => parseFailures('rollBatch:permanent,colectUsage:transient');

    expect(parse).toThrow('SIM_FAILURES entry "colectUsage:transient"');
  });
});

describe('createFaultInjector', () => {
  it('fails a transient operation the given number of times, then lets it through', () => {
    const results = outcomes('provisionNetwork:transient:2', aCall(), 4);

    expect(results).toEqual(['TransientDriverError', 'TransientDriverError', 'ok', 'ok']);
  });

  it('fails a permanent operation every time', () => {
    const results = outcomes('provisionNetwork:permanent', aCall(), 3);

    expect(results).toEqual(Array(3).fill('PermanentDriverError'));
  });

  it('leaves other operations alone', () => {
    const results = outcomes('rollBatch:permanent', aCall(), 1);

    expect(results).toEqual(['ok']);
  });

  it('targets only calls whose subject contains the substring', () => {
    const spec = 'provisionNetwork@Payments:permanent';
    const other = aCall({ subjects: ['ESTATE-26-000005', 'Search Infrastructure'] });

    const targeted = outcomes(spec, aCall(), 1);
    const untouched = outcomes(spec, other, 1);

    expect(targeted).toEqual(['PermanentDriverError']);
    expect(untouched).toEqual(['ok']);
  });

  it('counts transient attempts separately for each subject', () => {
    const inject = createFaultInjector(parseFailures('provisionNetwork:transient:1'));
    const first = aCall();
    const second = aCall({ subjects: ['ESTATE-26-000005', 'Search'] });

    expect(() => inject(first)).toThrow('attempt 1 of 1');
    expect(() => inject(second)).toThrow('for ESTATE-26-000005');
    expect(() => inject(first)).not.toThrow();
  });

  it('gives the error a cause naming the entry', () => {
    const inject = createFaultInjector(parseFailures('provisionNetwork:permanent'));

    const error = catchError(() => inject(aCall()));

    expect(error.cause).toBeInstanceOf(Error);
    expect((error.cause as Error).message).toContain('"provisionNetwork:permanent"');
  });
});

function catchError(act: () => void): Error {
  try {
    act();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to throw');
}
