import { describe, expect, it } from 'vitest';
import { fromPgArray, toPgArray } from './pg-array.js';

describe('Postgres array literals', () => {
  it('round-trips awkward values', () => {
    const values = ['пароль', 'код доступа', 'with "quotes"', 'back\\slash', 'a,b', '{}', ''];
    expect(fromPgArray(toPgArray(values))).toEqual(values);
  });

  it('reads both drivers’ forms', () => {
    expect(fromPgArray(['a', 'b'])).toEqual(['a', 'b']);
    expect(fromPgArray('{}')).toEqual([]);
    expect(fromPgArray('{a,NULL,"NULL"}')).toEqual(['a', 'NULL']);
    expect(fromPgArray(null)).toEqual([]);
  });
});
