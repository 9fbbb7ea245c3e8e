import { describe, expect, it } from 'vitest';
import { sameJson } from './same-json';

describe('JSON equality', () => {
  it('ignores key order, as JSONB does', () => {
    expect(
      sameJson({ title: { ru: 'a', en: 'b' }, rows: [] }, { rows: [], title: { en: 'b', ru: 'a' } }),
    ).toBe(true);
  });
  it('takes a key set to undefined as absent, as JSON (and the edit history) does', () => {
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
  });
  it('sees every real difference', () => {
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson({ a: null }, { a: {} })).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});
