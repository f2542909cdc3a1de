// Runs in a fresh process: imports one bundled handler as Lambda's init phase does,
// then reports how long the import took and the process's RSS after a forced GC.
import { pathToFileURL } from 'node:url';

const bundle = process.argv[2];
if (!bundle) throw new Error('usage: import-probe.ts <bundle>');
const started = performance.now();
const module: { handler?: unknown } = await import(pathToFileURL(bundle).href);
const initMs = performance.now() - started;
if (typeof module.handler !== 'function') throw new Error(`${bundle} exports no handler`);
globalThis.gc?.();
process.stdout.write(JSON.stringify({ initMs, rssBytes: process.memoryUsage().rss }));
