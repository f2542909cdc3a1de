import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTES, routeKey } from '../../../functions/http/routes.ts';
import { idempotent } from '../../../functions/platform/idempotency.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('ROUTES', () => {
  it('names each route key and function once', () => {
    expect(new Set(ROUTES.map(routeKey)).size).toBe(ROUTES.length);
    expect(new Set(ROUTES.map((route) => route.name)).size).toBe(ROUTES.length);
  });

  it.each(ROUTES.map((route) => [route.name, route] as const))(
    '%s points at a module exporting handler',
    async (_name, route) => {
      const module = (await import(join(ROOT, route.entry))) as { handler?: unknown };

      expect(typeof module.handler).toBe('function');
    },
  );
});

describe('POST routes', () => {
  it.each(
    ROUTES.filter((route) => route.method === 'POST').map(
      (route) => [route.name, route] as const,
    ),
  )('%s takes an Idempotency-Key', async (_name, route) => {
    const module = (await import(join(ROOT, route.entry))) as {
      handler: { spec: { idempotent?: unknown } };
    };

    expect(module.handler.spec.idempotent).toBe(idempotent);
  });
});

describe('the code', () => {
  it('never scans the table', () => {
    const files = [
      ...sourceFiles(join(ROOT, 'functions')),
      ...sourceFiles(join(ROOT, 'infra')),
    ];

    const offenders = files.filter((file) =>
      /ScanCommand|\.scan\(|"Scan"|'Scan'/.test(readFileSync(file, 'utf8')),
    );

    expect(offenders).toEqual([]);
  });
});
