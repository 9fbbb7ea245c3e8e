import { describe, expect, it } from 'vitest';
import { castable } from './filter-values.js';

describe('castable', () => {
  it('takes the numbers PostgreSQL reads, and nothing Number() alone would let through', () => {
    for (const ok of ['1', '-1.5', '+2', '.5', '3.', '1e5', '1.5E-3'])
      expect(castable('numeric', ok), ok).toBe(true);
    for (const bad of ['', ' ', '0x10', 'Infinity', 'NaN', '1e', '1,5', '1 000', '1e99999'])
      expect(castable('numeric', bad), bad).toBe(false);
    expect(castable('bigint', '42')).toBe(true);
    for (const bad of ['1.5', '1e20', '99999999999999999999'])
      expect(castable('bigint', bad), bad).toBe(false);
  });

  it('takes ISO dates and times on real calendar days', () => {
    expect(castable('date', '2024-02-29')).toBe(true);
    expect(castable('date', '2024-02-29T10:00')).toBe(true);
    for (const bad of ['2023-02-29', '2024-02-30', '2024-13-01', '0000-01-01', '1', 'March 7', '2024-1-1'])
      expect(castable('date', bad), bad).toBe(false);
    for (const ok of [
      '2024-02-29',
      '2024-02-29T23:59',
      '2024-02-29 10:00:00.123456Z',
      '2024-02-29T10:00:00+03:00',
    ])
      expect(castable('timestamptz', ok), ok).toBe(true);
    for (const bad of ['2024-02-29T24:00', '2024-02-29T10:00+99:00', '2024-02-29T10:60', '1', 'abc'])
      expect(castable('timestamptz', bad), bad).toBe(false);
  });
});
