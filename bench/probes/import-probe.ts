// Runs in a fresh process: imports one bundled handler as Lambda's init phase does,
// then reports how long the import took and the process's RSS after a forced GC.
// With --runtime-preloads it first does what Lambda's Node.js runtime client has done
// by the time it imports a handler: load node:http and build the keep-alive agent it
// talks to the Runtime API with.
import { pathToFileURL } from 'node:url';

const bundle = process.argv[2];
if (!bundle) throw new Error('usage: import-probe.ts <bundle> [--runtime-preloads]');
if (process.argv.includes('--runtime-preloads')) {
  const http = await import('node:http');
  new http.Agent({ keepAlive: true, maxSockets: 1 }).destroy();
}
const started = performance.now();
const module: { handler?: unknown } = await import(pathToFileURL(bundle).href);
const initMs = performance.now() - started;
if (typeof module.handler !== 'function') throw new Error(`${bundle} exports no handler`);
globalThis.gc?.();
process.stdout.write(JSON.stringify({ initMs, rssBytes: process.memoryUsage().rss }));
