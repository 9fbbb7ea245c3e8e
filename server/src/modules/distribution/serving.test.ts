import type { LineBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { clientLanguage } from './client-language.js';
import { capacityFor, serves } from './serving.js';

const line = (groups: string[], skills: string[] = [], capacity = 3) =>
  ({ groups, skills, capacity }) as unknown as LineBody;

describe('who serves a line', () => {
  it('takes operators of any of its groups who have every skill it asks for', () => {
    const anna = { groups: ['Бухгалтерия'], skills: ['1С', 'English'], capacity: null };
    expect(serves(anna, line(['Бухгалтерия']))).toBe(true);
    expect(serves(anna, line(['Доставка', 'Бухгалтерия'], ['1С']))).toBe(true);
    expect(serves(anna, line(['Доставка']))).toBe(false);
    expect(serves(anna, line(['Бухгалтерия'], ['1С', 'Deutsch']))).toBe(false);
  });

  it('lets every operator serve a line that names no group', () => {
    expect(serves({ groups: [], skills: [], capacity: null }, line([]))).toBe(true);
  });

  it('uses the operator’s own capacity before the line’s', () => {
    expect(capacityFor({ groups: [], skills: [], capacity: 5 }, line([], [], 2))).toBe(5);
    expect(capacityFor({ groups: [], skills: [], capacity: null }, line([], [], 2))).toBe(2);
  });
});

describe('the client’s language', () => {
  it('is Russian for Cyrillic, English for Latin, Russian when unknown', () => {
    expect(clientLanguage('Где мой заказ?')).toBe('ru');
    expect(clientLanguage('Where is my order?')).toBe('en');
    expect(clientLanguage('👍 123')).toBe('ru');
  });
});
