import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder for one cloud assembly, and its removal. */
export function assemblyFolder(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'platform-assembly-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
