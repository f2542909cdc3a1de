import { describe, expect, it } from 'vitest';
import type { MemoryGrowth } from '../../bench/memory.ts';
import {
  memoryGrowthFigures,
  spliceMemoryIntoDoc,
  withTemplateProse,
} from '../../bench/memory-report.ts';

const MB = 1024 * 1024;

const usage = (rssMb: number, heapUsedMb: number, youngMb: number) => ({
  rssBytes: rssMb * MB,
  heapUsedBytes: heapUsedMb * MB,
  heapTotalBytes: 70 * MB,
  externalBytes: 5 * MB,
  youngGenerationBytes: youngMb * MB,
});

const growth = (): MemoryGrowth => ({
  flags: ['--expose-gc', '--max-semi-space-size=25'],
  afterInit: usage(66, 8, 4),
  firstInvocationMs: 70,
  warmUpInvocations: 3000,
  warm: usage(160, 12, 52),
  after: usage(163, 12.5, 52),
  afterSecond: usage(162, 12.4, 52),
  invocations: 10_000,
  elapsedMs: 20_000,
  failures: 0,
});

const DOC = [
  '## Results',
  '',
  '### Memory',
  '',
  '| figure | value | baseline | ratio | target | result | notes |',
  '|---|---|---|---|---|---|---|',
  '| RSS after init, get-estate | 84 MB | — | — | ≤ 90 MB | pass |  |',
  '| RSS growth over 10000 warm invocations | 24.7 MB | — | — | ≤ 5 MB | **FAIL** |  |',
  '| first invocation of get-estate after init | 60.9 ms | — | — | — | n/a |  |',
  '',
  'Measured on their own earlier.',
  '',
  '## How each figure is measured',
  '',
].join('\n');

describe('memoryGrowthFigures', () => {
  it('measures growth from the end of the warm-up, not from init', () => {
    const figures = memoryGrowthFigures(growth());

    const byName = new Map(figures.map((f) => [f.name, f.value]));
    expect(byName.get('RSS growth during warm-up')).toBe(94);
    expect(byName.get('RSS growth over 10000 warm invocations')).toBe(3);
    expect(byName.get('RSS growth over the next 10000')).toBe(-1);
    expect(byName.get('heap used growth over 10000 warm invocations')).toBe(0.5);
  });

  it('names the warm-up length and the flags the probe ran with', () => {
    const [warmUp, warmRun] = memoryGrowthFigures(growth());

    expect(warmUp?.note).toContain('3001 invocations');
    expect(warmUp?.note).toContain('young generation 4 → 52 MB');
    expect(warmRun?.note).toContain('`node --expose-gc --max-semi-space-size=25`');
  });
});

describe('spliceMemoryIntoDoc', () => {
  it('replaces the probe rows and keeps the cold-init rows', () => {
    const spliced = spliceMemoryIntoDoc(DOC, memoryGrowthFigures(growth()), 'New run.');

    expect(spliced).toContain('| RSS after init, get-estate | 84 MB |');
    expect(spliced).not.toContain('24.7 MB');
    expect(spliced).toContain('| RSS growth over 10000 warm invocations | 3 MB |');
    expect(spliced).toContain('| first invocation of get-estate after init | 70 ms |');
  });

  it('puts the provenance under the table in place of the earlier one', () => {
    const spliced = spliceMemoryIntoDoc(DOC, memoryGrowthFigures(growth()), 'New run.');

    expect(spliced).not.toContain('Measured on their own earlier.');
    expect(spliced).toMatch(
      /\| n\/a \| the SDK[^\n]*\n\nNew run\.\n\n## How each figure/,
    );
  });

  it('refuses a page without a memory section', () => {
    const act = () => spliceMemoryIntoDoc('## Results\n', [], 'New run.');

    expect(act).toThrow('no "### Memory" section');
  });
});

describe('withTemplateProse', () => {
  const page = [
    '# Benchmarks',
    '',
    'Old intro.',
    '',
    '## Results',
    '',
    '| machine | |',
    '',
    '### Memory',
    '',
    '| figure | value |',
    '',
    '## How each figure is measured',
    '',
    '- Old method.',
    '',
    'Where the bytes of `create-estate` come from (minified, largest first):',
    '',
    '| package | minified |',
    '| zod | 94 KB |',
    '',
    '## What the numbers say',
    '',
    '- Old reading.',
    '',
  ].join('\n');
  const template = [
    '# Benchmarks',
    '',
    'New intro.',
    '',
    '## Results',
    '',
    '<!-- results -->',
    '',
    '## How each figure is measured',
    '',
    '- New method.',
    '',
    '<!-- composition -->',
    '',
    '## What the numbers say',
    '',
    '- New reading.',
    '',
  ].join('\n');

  it('keeps the results and the composition table and takes the prose anew', () => {
    const rebuilt = withTemplateProse(page, template);

    expect(rebuilt).toContain('New intro.');
    expect(rebuilt).toContain('- New method.');
    expect(rebuilt).toContain('- New reading.');
    expect(rebuilt).not.toContain('Old');
    expect(rebuilt).toContain(
      '## Results\n\n| machine | |\n\n### Memory\n\n| figure | value |\n\n##',
    );
    expect(rebuilt).toContain('| package | minified |\n| zod | 94 KB |\n\n## What');
  });

  it('refuses a page without generated results', () => {
    const act = () => withTemplateProse('# Benchmarks\n', template);

    expect(act).toThrow('no generated results');
  });
});
