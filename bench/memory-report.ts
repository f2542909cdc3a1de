import { readFileSync, writeFileSync } from 'node:fs';
import type { MemoryGrowth } from './memory.ts';
import { type Figure, figureRow } from './report.ts';
import { round } from './stats.ts';

export const MEMORY_SECTION = 'Memory';

/** Rows of the memory section that come from the cold-init processes, not the probe. */
const COLD_INIT_ROW = '| RSS after init';

const MB = 1024 * 1024;
const mb = (bytes: number) => round(bytes / MB);

/** The figures of the growth probe: warm-up, two equal warm runs, first invocation. */
export function memoryGrowthFigures(memory: MemoryGrowth): Figure[] {
  const { afterInit, warm, after, afterSecond, invocations } = memory;
  const section = MEMORY_SECTION;
  const young = (from: number, to: number) =>
    `young generation ${mb(from)} → ${mb(to)} MB`;
  const run = `${invocations} sequential invocations of the get-estate bundle against DynamoDB Local in ${round(memory.elapsedMs / 1000)} s, ${memory.failures} failed; \`node ${memory.flags.join(' ')}\`; after a forced GC`;
  return [
    {
      section,
      name: 'RSS growth during warm-up',
      unit: 'MB',
      value: (warm.rssBytes - afterInit.rssBytes) / MB,
      note: `${memory.warmUpInvocations + 1} invocations, until the young generation stopped growing; ${mb(afterInit.rssBytes)} → ${mb(warm.rssBytes)} MB; ${young(afterInit.youngGenerationBytes, warm.youngGenerationBytes)}; V8 sizes it once per process, up to its semi-space limit, and keeps it`,
    },
    {
      section,
      name: `RSS growth over ${invocations} warm invocations`,
      unit: 'MB',
      value: (after.rssBytes - warm.rssBytes) / MB,
      target: { on: 'value', max: 5 },
      note: `${mb(warm.rssBytes)} → ${mb(after.rssBytes)} MB; ${young(warm.youngGenerationBytes, after.youngGenerationBytes)}; V8 heap reserved ${mb(warm.heapTotalBytes)} → ${mb(after.heapTotalBytes)} MB; ${run}`,
    },
    {
      section,
      name: `RSS growth over the next ${invocations}`,
      unit: 'MB',
      value: (afterSecond.rssBytes - after.rssBytes) / MB,
      target: { on: 'value', max: 5 },
      note: `${mb(after.rssBytes)} → ${mb(afterSecond.rssBytes)} MB; a leak would add about as much again as the run before`,
    },
    {
      section,
      name: `heap used growth over ${invocations} warm invocations`,
      unit: 'MB',
      value: (after.heapUsedBytes - warm.heapUsedBytes) / MB,
      target: { on: 'value', max: 5 },
      note: `${mb(warm.heapUsedBytes)} → ${mb(after.heapUsedBytes)} → ${mb(afterSecond.heapUsedBytes)} MB used (after the second run); external ${mb(warm.externalBytes)} → ${mb(afterSecond.externalBytes)} MB`,
    },
    {
      section,
      name: 'first invocation of get-estate after init',
      unit: 'ms',
      value: memory.firstInvocationMs,
      note: 'the SDK resolves credentials, region and endpoint and opens its connection here',
    },
  ];
}

/**
 * Replaces the growth probe's rows of the memory table in a generated
 * docs/benchmarks.md, keeping the cold-init rows, and puts `provenance` under the
 * table in place of any earlier one (for `--only memory`).
 */
export function spliceMemoryIntoDoc(
  markdown: string,
  figures: readonly Figure[],
  provenance: string,
): string {
  const lines = markdown.split('\n');
  const heading = lines.indexOf(`### ${MEMORY_SECTION}`);
  if (heading < 0) throw new Error(`no "### ${MEMORY_SECTION}" section to splice into`);
  const next = lines.findIndex((line, index) => index > heading && /^##/.test(line));
  const end = next < 0 ? lines.length : next;
  const table = lines
    .slice(heading + 1, end)
    .filter((line) => line.startsWith('|'))
    .filter((line, index) => index < 2 || line.startsWith(COLD_INIT_ROW));
  const section = [
    `### ${MEMORY_SECTION}`,
    '',
    ...table,
    ...figures.map(figureRow),
    '',
    provenance,
    '',
  ];
  return [...lines.slice(0, heading), ...section, ...lines.slice(end)].join('\n');
}

const RESULTS_HEADING = '## Results';
const MEASURED_HEADING = '## How each figure is measured';
const COMPOSITION = /^Where the bytes of [^\n]*\n(?:\n|\|[^\n]*\n)*/m;

/**
 * The page rebuilt from `template` around the results and the composition table it
 * already holds, so that a partial run also brings the prose of the page up to date.
 */
export function withTemplateProse(markdown: string, template: string): string {
  const start = markdown.indexOf(`${RESULTS_HEADING}\n`);
  const end = markdown.indexOf(`${MEASURED_HEADING}\n`);
  if (start < 0 || end < start) throw new Error('the page holds no generated results');
  const results = markdown.slice(start + RESULTS_HEADING.length, end).trim();
  const composition = COMPOSITION.exec(markdown)?.[0].trimEnd() ?? '';
  return template
    .replace('<!-- results -->', results)
    .replace('<!-- composition -->', composition);
}

/**
 * Splices the figures into the doc at `docPath`, with the prose taken anew from
 * `templatePath`, and writes it back.
 */
export function spliceMemoryIntoFile(
  docPath: string,
  templatePath: string,
  figures: readonly Figure[],
  provenance: string,
): void {
  const page = withTemplateProse(
    readFileSync(docPath, 'utf8'),
    readFileSync(templatePath, 'utf8'),
  );
  writeFileSync(docPath, spliceMemoryIntoDoc(page, figures, provenance));
}
