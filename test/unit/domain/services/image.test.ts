import { describe, expect, it } from 'vitest';
import { checkImageReference } from '../../../../functions/domain/services/image.ts';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('checkImageReference', () => {
  it.each([
    ['ghcr.io/apex-digital/payments-api:v2.4.1', null],
    ['nginx:1.27', null],
    ['library/nginx:1.27-alpine', null],
    ['localhost:5000/team/api:dev', null],
    ['registry.example.com:8443/a/b/c:2026.04.15', null],
    [`ghcr.io/apex/api@${DIGEST}`, null],
    [`ghcr.io/apex/api:v1@${DIGEST}`, null],
    ['my_org/api__v2:latest', null],
    ['ghcr.io/apex/api', 'unpinned'],
    ['nginx', 'unpinned'],
    ['ghcr.io/Apex/api:v1', 'bad_repository'],
    ['ghcr.io//api:v1', 'bad_repository'],
    ['ghcr.io/apex/api-:v1', 'bad_repository'],
    ['-bad.io/apex/api:v1', 'bad_registry'],
    ['ghcr.io/apex/api:', 'bad_tag'],
    ['ghcr.io/apex/api:-v1', 'bad_tag'],
    ['ghcr.io/apex/api@sha256:xyz', 'bad_digest'],
    ['ghcr.io/apex/api@md5:abc', 'bad_digest'],
    [`nginx:${'a'.repeat(600)}`, 'too_long'],
  ])('judges %s as %s', (reference, expected) => {
    expect(checkImageReference(reference)).toBe(expected);
  });
});
