import { spawnSync } from 'node:child_process';

/** The major version of the `java` on PATH, or null when there is none. */
export function javaMajorVersion(): number | null {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match) return null;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

export const JAVA_MISSING =
  'DynamoDB Local needs a Java 17 or newer runtime on PATH: install one (for example the ' +
  'openjdk-17-jre-headless package) and run the command again.';
