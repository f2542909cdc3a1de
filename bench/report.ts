import { round } from './stats.ts';

/** What a target bounds: the figure itself, its excess over the baseline, or their ratio. */
export type TargetOn = 'value' | 'delta' | 'ratio';

export interface Target {
  readonly on: TargetOn;
  readonly max: number;
}

/** One measured figure, with what it is compared with and the target it must meet. */
export interface Figure {
  readonly section: string;
  readonly name: string;
  readonly unit: string;
  /** Null when the figure cannot be measured yet; `note` then says why. */
  readonly value: number | null;
  readonly baseline?: { readonly label: string; readonly value: number };
  readonly target?: Target;
  readonly note?: string;
}

export type Verdict = 'pass' | 'fail' | 'n/a';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly os: string;
  /** One-minute load average when the run started and when it ended. */
  readonly load: readonly [number, number];
}

export interface BenchResult {
  readonly date: string;
  readonly commit: string;
  readonly machine: Machine;
  readonly durationSeconds: number;
  readonly figures: readonly Figure[];
}

/** The figure divided by its baseline, when both exist and the baseline is not zero. */
export function ratio(figure: Figure): number | null {
  if (figure.value === null || !figure.baseline || figure.baseline.value === 0)
    return null;
  return figure.value / figure.baseline.value;
}

/** Whether a figure meets its target; figures without one, or without a value, are n/a. */
export function verdict(figure: Figure): Verdict {
  const target = figure.target;
  if (!target || figure.value === null) return 'n/a';
  const measured = targetQuantity(figure, target.on);
  if (measured === null) return 'n/a';
  return measured <= target.max ? 'pass' : 'fail';
}

function targetQuantity(figure: Figure, on: TargetOn): number | null {
  if (on === 'value') return figure.value;
  if (on === 'ratio') return ratio(figure);
  if (figure.value === null || !figure.baseline) return null;
  return figure.value - figure.baseline.value;
}

function targetText(figure: Figure): string {
  const target = figure.target;
  if (!target) return '';
  if (target.on === 'ratio') return `ratio ≤ ${target.max}`;
  const prefix = target.on === 'delta' ? 'Δ ' : '';
  return `${prefix}≤ ${target.max} ${figure.unit}`;
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

const amount = (value: number | null, unit: string) =>
  value === null ? '—' : `${round(value)} ${unit}`;

/** One markdown table row per figure. */
export function figureRow(figure: Figure): string {
  const r = ratio(figure);
  const result = verdict(figure);
  const cells = [
    figure.name,
    figure.value === null ? 'not yet measurable' : amount(figure.value, figure.unit),
    figure.baseline
      ? `${amount(figure.baseline.value, figure.unit)} (${figure.baseline.label})`
      : '—',
    r === null ? '—' : `${round(r)}×`,
    targetText(figure) || '—',
    result === 'pass' ? 'pass' : result === 'fail' ? '**FAIL**' : 'n/a',
    figure.note ?? '',
  ];
  return `| ${cells.map(cell).join(' | ')} |`;
}

const HEADER = [
  '| figure | value | baseline | ratio | target | result | notes |',
  '|---|---|---|---|---|---|---|',
];

/** One section's table: the header, then a row per figure. */
export const figureTable = (figures: readonly Figure[]): string =>
  [...HEADER, ...figures.map(figureRow)].join('\n');

/** The tables of docs/benchmarks.md: the machine, then one table per section. */
export function renderTables(result: BenchResult): string {
  const m = result.machine;
  const lines = [
    '| machine | |',
    '|---|---|',
    `| CPU | ${cell(m.cpu)} × ${m.cores} cores |`,
    `| memory | ${round(m.memoryGiB)} GiB |`,
    `| OS | ${cell(m.os)} |`,
    `| Node.js | ${m.node} |`,
    `| load average (1 min) at start / end | ${round(m.load[0])} / ${round(m.load[1])} |`,
    `| date | ${result.date} |`,
    `| commit | \`${result.commit}\` |`,
    `| bench run time | ${Math.round(result.durationSeconds)} s |`,
  ];
  const sections = [...new Set(result.figures.map((figure) => figure.section))];
  for (const section of sections) {
    const figures = result.figures.filter((figure) => figure.section === section);
    lines.push('', `### ${section}`, '', figureTable(figures));
  }
  return `${lines.join('\n')}\n`;
}
