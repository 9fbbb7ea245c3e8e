import { describe, expect, it } from 'vitest';
import { fromLocalInput, parseNumberInput, toLocalInput } from './input-values';

describe('input values', () => {
  it('shows a moment in the browser’s zone and reads it back', () => {
    const iso = new Date(2026, 10, 22, 9, 5).toISOString();
    expect(toLocalInput(iso)).toBe('2026-11-22T09:05');
    expect(fromLocalInput('2026-11-22T09:05')).toBe(iso);
    expect(toLocalInput('not a date')).toBe('');
    expect(fromLocalInput('')).toBeUndefined();
  });

  it('reads numbers with a decimal comma and keeps what is not a number as typed', () => {
    expect(parseNumberInput('12,5')).toBe(12.5);
    expect(parseNumberInput('1 000')).toBe(1000);
    expect(parseNumberInput(' ')).toBeUndefined();
    expect(parseNumberInput('12a')).toBe('12a');
  });
});
