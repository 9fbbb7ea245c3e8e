import { describe, expect, it } from 'vitest';
import { compileRecordValidator } from './entity/record-validator.js';
import type { EntityBody } from './entity/schema.js';
import { entityProblems } from './entity/semantics.js';

const withPattern = (pattern: string) =>
  ({
    schemaVersion: 1,
    label: { ru: 'Клиент' },
    fields: [{ key: 'code', type: 'string', label: { ru: 'Код клиента' }, pattern }],
  }) as EntityBody;

describe('analysts’ patterns', () => {
  it('match in linear time: a catastrophic-backtracking pattern cannot hang validation', () => {
    // On a backtracking engine this input takes longer than the age of the universe.
    const validate = compileRecordValidator(withPattern('^(a+)+$'));
    const hostile = `${'a'.repeat(900)}!`;
    expect(validate({ code: hostile })).toHaveLength(1);
    expect(validate({ code: 'aaaa' })).toEqual([]);
    const nested = compileRecordValidator(withPattern('^(\\w+\\s?)*$'));
    expect(nested({ code: `${'слово '.repeat(150)}!` })).toHaveLength(1);
  });

  it('keep JSON Schema semantics: unanchored search, Unicode letters', () => {
    const validate = compileRecordValidator(withPattern('\\p{Lu}{2}-[0-9]{4}'));
    expect(validate({ code: 'код ЖК-2026 клиента' })).toEqual([]);
    expect(validate({ code: 'жк-2026' })).toHaveLength(1);
  });

  it('that do not compile on the linear engine are refused at publish, naming the field', () => {
    for (const pattern of ['(a)\\1', '(?<=№)\\d+', '(unclosed']) {
      const [problem, ...rest] = entityProblems(withPattern(pattern), 'ru');
      expect(rest).toEqual([]);
      expect(problem?.pointer).toBe('/fields/0/pattern');
      expect(problem?.message).toContain('«code»');
    }
    expect(entityProblems(withPattern('^[А-ЯЁ][а-яё]+$'), 'ru')).toEqual([]);
  });
});
