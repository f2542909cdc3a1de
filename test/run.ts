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
    numFailedTestSuites: number;
  };
  passed = summary.numPassedTests;
  failed = summary.numFailedTests + summary.numFailedTestSuites;
} catch {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(result.status === 0 && failed === 0 ? 0 : 1);
