import { describe, expect, it } from 'vitest';
import {
  type Figure,
  figureRow,
  ratio,
  renderTables,
  verdict,
} from '../../bench/report.ts';

const figure = (overrides: Partial<Figure> = {}): Figure => ({
  section: 'Cold init',
  name: 'get-estate',
  unit: 'ms',
  value: 50,
  baseline: { label: 'empty handler', value: 20 },
  target: { on: 'delta', max: 40 },
  ...overrides,
});

describe('verdict', () => {
  it('checks a delta target against the excess over the baseline', () => {
    expect(verdict(figure())).toBe('pass');
    expect(verdict(figure({ value: 61 }))).toBe('fail');
  });

  it('checks a ratio target against value over baseline', () => {
    const target = { on: 'ratio', max: 1.3 } as const;

    expect(verdict(figure({ value: 26, target }))).toBe('pass');
    expect(verdict(figure({ value: 27, target }))).toBe('fail');
  });

  it('is n/a without a value or a target', () => {
    expect(verdict(figure({ value: null }))).toBe('n/a');
    expect(verdict(figure({ target: undefined }))).toBe('n/a');
  });
});

describe('ratio', () => {
  it('is null without a baseline', () => {
    expect(ratio(figure({ baseline: undefined }))).toBeNull();
    expect(ratio(figure())).toBe(2.5);
  });
});

describe('figureRow', () => {
  it('shows value, baseline, ratio, target and result', () => {
    const row = figureRow(figure({ value: 61 }));

    expect(row).toBe(
      '| get-estate | 61 ms | 20 ms (empty handler) | 3.05× | Δ ≤ 40 ms | **FAIL** |  |',
    );
  });

  it('marks a figure that cannot be measured yet', () => {
    const row = figureRow(
      figure({ value: null, baseline: undefined, note: 'no costs endpoint' }),
    );

    expect(row).toContain('| not yet measurable |');
    expect(row).toContain('| n/a | no costs endpoint |');
  });

  it('escapes pipes in notes', () => {
    expect(figureRow(figure({ note: 'a | b' }))).toContain('a \\| b');
  });
});

describe('renderTables', () => {
  it('puts the machine first and one table per section', () => {
    const markdown = renderTables({
      date: '2026-01-01T00:00:00Z',
      commit: 'abc1234',
      durationSeconds: 12,
      machine: {
        cpu: 'Test CPU',
        cores: 2,
        memoryGiB: 4,
        node: 'v26.0.0',
        os: 'linux',
        load: [0.5, 1],
      },
      figures: [figure(), figure({ section: 'Memory', name: 'rss', unit: 'MB' })],
    });

    expect(markdown).toContain('| CPU | Test CPU × 2 cores |');
    expect(markdown.indexOf('### Cold init')).toBeLessThan(
      markdown.indexOf('### Memory'),
    );
  });
});
