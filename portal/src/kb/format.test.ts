import { describe, expect, it } from 'vitest';
import { formatDate } from './format';

describe('formatDate', () => {
  it('writes the date in words in the UI language', () => {
    expect(formatDate('2025-03-12T10:00:00Z', 'ru')).toMatch(/12 марта 2025/);
    expect(formatDate('2025-03-12T10:00:00Z', 'en')).toMatch(/12 March 2025/);
  });

  it('gives nothing for a missing or unreadable date', () => {
    expect(formatDate(null, 'ru')).toBe('');
    expect(formatDate('not a date', 'ru')).toBe('');
  });
});
