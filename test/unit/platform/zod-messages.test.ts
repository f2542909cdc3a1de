import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { validate } from '../../../functions/platform/validate.ts';
import '../../../functions/platform/zod-messages.ts';

const messagesOf = (schema: z.core.$ZodType, input: unknown) =>
  z.safeParse(schema, input).error?.issues.map((issue) => issue.message);

describe('zod messages', () => {
  it('names a missing field as required', () => {
    const schema = z.object({ name: z.string(), tier: z.enum(['managed']) });

    const messages = messagesOf(schema, {});

    expect(messages).toEqual(['name is required.', 'tier is required.']);
  });

  it('names the type a field must have (invalid_type)', () => {
    const schema = z.object({ name: z.string(), replicas: z.int(), on: z.boolean() });

    const messages = messagesOf(schema, { name: 3, replicas: 1.5, on: 'yes' });

    expect(messages).toEqual([
      'name must be a string.',
      'replicas must be a whole number.',
      'on must be true or false.',
    ]);
  });

  it('refuses a value for a field that takes none', () => {
    const messages = messagesOf(z.object({ gone: z.optional(z.never()) }), { gone: 1 });

    expect(messages).toEqual(['gone is not allowed.']);
  });

  it('states lower bounds of numbers, strings and arrays (too_small)', () => {
    const schema = z.object({
      replicas: z.number().check(z.gte(1)),
      amount: z.number().check(z.positive()),
      name: z.string().check(z.minLength(1)),
      code: z.string().check(z.minLength(3)),
      zones: z.array(z.string()).check(z.minLength(2)),
    });

    const messages = messagesOf(schema, {
      replicas: 0,
      amount: 0,
      name: '',
      code: 'ab',
      zones: ['a'],
    });

    expect(messages).toEqual([
      'replicas must be at least 1.',
      'amount must be more than 0.',
      'name must not be empty.',
      'code must be at least 3 characters long.',
      'zones must have at least 2 items.',
    ]);
  });

  it('states upper bounds and exact lengths (too_big)', () => {
    const schema = z.object({
      limit: z.number().check(z.lte(100)),
      ratio: z.number().check(z.lt(1)),
      name: z.string().check(z.maxLength(63)),
      pair: z.array(z.number()).check(z.length(2)),
    });

    const messages = messagesOf(schema, {
      limit: 101,
      ratio: 1,
      name: 'x'.repeat(64),
      pair: [1],
    });

    expect(messages).toEqual([
      'limit must be at most 100.',
      'ratio must be less than 1.',
      'name must be at most 63 characters long.',
      'pair must have exactly 2 items.',
    ]);
  });

  it('describes the expected format of a string (invalid_format)', () => {
    const schema = z.object({
      at: z.iso.datetime(),
      since: z.iso.datetime({ offset: true }),
      slug: z.string().check(z.regex(/^[a-z]+$/)),
      ref: z.string().check(z.startsWith('refs/')),
      id: z.uuid(),
      ulid: z.ulid(),
    });

    const messages = messagesOf(schema, {
      at: '2026-04-01T12:00:00+02:00',
      since: 'yesterday',
      slug: 'A',
      ref: 'main',
      id: 'x',
      ulid: 'x',
    });

    expect(messages).toEqual([
      'at must be an RFC 3339 date-time in UTC, such as 2026-04-01T10:00:00Z.',
      'since must be an RFC 3339 date-time, such as 2026-04-01T10:00:00Z.',
      'slug must match the pattern /^[a-z]+$/.',
      'ref must start with "refs/".',
      'id must be in uuid format.',
      'ulid must be in ulid format.',
    ]);
  });

  it('names the step a number comes in (not_multiple_of)', () => {
    const messages = messagesOf(z.object({ cpu: z.number().check(z.multipleOf(0.25)) }), {
      cpu: 0.3,
    });

    expect(messages).toEqual(['cpu must be a multiple of 0.25.']);
  });

  it('lists the allowed values (invalid_value)', () => {
    const schema = z.object({
      provider: z.enum(['aws', 'azure']),
      currency: z.literal('USD'),
    });

    const messages = messagesOf(schema, { provider: 'mars', currency: 'EUR' });

    expect(messages).toEqual([
      'provider must be one of: aws, azure.',
      'currency must be USD.',
    ]);
  });

  it('lists unknown fields (unrecognized_keys)', () => {
    const messages = messagesOf(z.strictObject({ name: z.string() }), {
      name: 'a',
      colour: 'red',
      size: 2,
    });

    expect(messages).toEqual(['Unknown field(s): colour, size.']);
  });

  it('lists the discriminator values and explains unmatched unions (invalid_union)', () => {
    const shapes = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('a') }),
      z.object({ kind: z.literal('b') }),
    ]);
    const schema = z.object({
      shape: shapes,
      either: z.union([z.string(), z.number()]),
      one: z.xor([z.number(), z.int()]),
    });

    const messages = messagesOf(schema, { shape: { kind: 'c' }, either: true, one: 1 });

    expect(messages).toEqual([
      'kind must be one of: a, b.',
      'either matches none of the allowed forms.',
      'one matches more than one of the allowed forms.',
    ]);
  });

  it('names a key a record does not allow (invalid_key)', () => {
    const schema = z.object({
      tags: z.record(z.string().check(z.regex(/^[a-z]+$/)), z.string()),
      routes: z.map(z.object({ host: z.string() }), z.number()),
    });

    const messages = messagesOf(schema, {
      tags: { Team: 'x' },
      routes: new Map([[{}, 1]]),
    });

    expect(messages).toEqual([
      'Team is not an allowed key.',
      'routes has a key that is not allowed.',
    ]);
  });

  it('reports a bad value under a key that is no name (invalid_element)', () => {
    const schema = z.object({ routes: z.map(z.object({}), z.number()) });

    const messages = messagesOf(schema, { routes: new Map([[{}, 'x']]) });

    expect(messages).toEqual(['routes holds a value that is not allowed.']);
  });

  it('calls a failed refinement without a message of its own invalid (custom)', () => {
    const schema = z.object({ name: z.string().check(z.refine((name) => name !== 'x')) });

    const messages = messagesOf(schema, { name: 'x' });

    expect(messages).toEqual(['name is invalid.']);
  });

  it('names array positions and the value itself when no field holds it', () => {
    const messages = [
      ...(messagesOf(z.object({ zones: z.array(z.string()) }), { zones: ['a', 2] }) ??
        []),
      ...(messagesOf(z.object({}), 'text') ?? []),
    ];

    expect(messages).toEqual([
      'zones[1] must be a string.',
      'The value must be an object.',
    ]);
  });

  it('leaves a schema’s own message alone', () => {
    const schema = z.object({
      limit: z.number().check(z.lte(100, 'limit is at most 100.')),
    });

    const messages = messagesOf(schema, { limit: 101 });

    expect(messages).toEqual(['limit is at most 100.']);
  });
});

describe('validate', () => {
  it('reports an unknown field under its own path with the unknown_field code', () => {
    const schema = z.strictObject({ name: z.string() });

    const act = () => validate(schema, { name: 'a', colour: 'red' }, 'body');

    expect(act).toThrow(
      expect.objectContaining({
        fields: [
          {
            field: 'body.colour',
            message: 'Unknown field(s): colour.',
            code: 'unknown_field',
          },
        ],
      }),
    );
  });
});
