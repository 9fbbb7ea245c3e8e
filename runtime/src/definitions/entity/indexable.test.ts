import { describe, expect, it } from 'vitest';
import { indexable } from './indexable.js';
import type { EntityField } from './schema.js';
import { entityProblems } from './semantics.js';

const label = { ru: 'Поле' };
const body = (field: Record<string, unknown>) => ({
  schemaVersion: 1 as const,
  label,
  fields: [{ key: 'f', label, ...field } as EntityField],
});

describe('indexed fields', () => {
  it('takes short single values and refuses what an index entry could not hold', () => {
    expect(indexable({ key: 'f', label, type: 'date' })).toBe(true);
    expect(indexable({ key: 'f', label, type: 'relation', entity: 'client' })).toBe(true);
    expect(indexable({ key: 'f', label, type: 'string', maxLength: 200 })).toBe(true);
    expect(indexable({ key: 'f', label, type: 'string' })).toBe(false);
    expect(indexable({ key: 'f', label, type: 'text' })).toBe(false);
    expect(indexable({ key: 'f', label, type: 'relation', entity: 'client', many: true })).toBe(false);
  });

  it('refuses to publish an index on a long text, naming the field', () => {
    expect(entityProblems(body({ type: 'number', indexed: true }), 'ru')).toEqual([]);
    expect(entityProblems(body({ type: 'text', indexed: true }), 'en')).toEqual([
      expect.objectContaining({
        pointer: '/fields/0/indexed',
        code: 'indexed',
        message: expect.stringMatching(/"f"/),
      }),
    ]);
  });
});
