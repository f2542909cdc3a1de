import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../../functions/domain/events.ts';
import { PlatformEventSchema } from '../../../functions/events/event-schema.ts';

const catalogue = readFileSync(
  resolve(import.meta.dirname, '../../../docs/events.md'),
  'utf8',
);
const examples = [...catalogue.matchAll(/```json\n([\s\S]*?)```/g)].map(
  (match) => JSON.parse(match[1] ?? '') as { type: string },
);

describe('docs/events.md', () => {
  it.each(examples.map((example) => [example.type, example] as const))(
    '%s is a valid event',
    (_type, example) => {
      const result = PlatformEventSchema.safeParse(example);

      expect(result.error?.issues ?? []).toEqual([]);
    },
  );

  it('documents each event type the code emits in the estate lifecycle', () => {
    const documented = new Set(examples.map((example) => example.type));

    const estateTypes = EVENT_TYPES.filter((type) =>
      type.startsWith('infrastructure.estate.'),
    );

    expect(estateTypes.filter((type) => !documented.has(type))).toEqual([]);
  });
});
