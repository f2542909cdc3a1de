import { describe, expect, it } from 'vitest';
import { lambdaNodeFlags } from '../../bench/memory.ts';

describe('lambdaNodeFlags', () => {
  it('gives a tenth of the memory to the new space and the rest to the old space', () => {
    expect(lambdaNodeFlags(512)).toEqual([
      '--expose-gc',
      '--max-semi-space-size=25',
      '--max-old-space-size=461',
    ]);
  });

  it('rounds down as the runtime bootstrap does', () => {
    expect(lambdaNodeFlags(128)).toContain('--max-semi-space-size=6');
    expect(lambdaNodeFlags(128)).toContain('--max-old-space-size=116');
  });
});
