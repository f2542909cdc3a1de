import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

// Runs the whole suite, then prints the plain `N passed, N failed` line CI reads,
// computed from vitest's JSON report rather than its console summary.
const report = '.reports/vitest.json';
mkdirSync('.reports', { recursive: true });
const result = spawnSync(
  'vitest',
  [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
let passed = 0;
let failed = 0;
try {
  const summary = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    testResults: { status: string; assertionResults: unknown[] }[];
  };
  // A file that fails before running any test (an import error, a failing hook)
  // counts as one failure, so a broken file can never pass unnoticed.
  const brokenFiles = summary.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  ).length;
  passed = summary.numPassedTests;
  failed = summary.numFailedTests + brokenFiles;
} catch {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(result.status === 0 && failed === 0 ? 0 : 1);
