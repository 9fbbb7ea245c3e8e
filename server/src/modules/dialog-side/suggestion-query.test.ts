import { describe, expect, it } from 'vitest';
import { pasteText, suggestionBounds, suggestionQuery } from './suggestion-query.js';

describe('suggestionQuery', () => {
  it('reads the newest messages first, skips empty ones and collapses whitespace', () => {
    expect(suggestionQuery(['не могу\n войти ', '', 'Здравствуйте'])).toBe('не могу войти Здравствуйте');
  });

  it('takes only the last few messages and a bounded number of characters', () => {
    const many = ['один', 'два', 'три', 'четыре'];
    expect(suggestionQuery(many)).toBe('один два три');
    const long = suggestionQuery(['а'.repeat(2000)]);
    expect(long).toHaveLength(suggestionBounds.chars);
  });

  it('is empty when the client wrote no text', () => {
    expect(suggestionQuery([])).toBe('');
    expect(suggestionQuery([' ', '\n'])).toBe('');
  });
});

describe('pasteText', () => {
  it('gives the body, else the summary', () => {
    expect(pasteText('  Откройте настройки.  ', 'Кратко')).toBe('Откройте настройки.');
    expect(pasteText('', ' Кратко ')).toBe('Кратко');
  });

  it('cuts a long body at a word and marks the cut', () => {
    const text = pasteText('слово '.repeat(400), '', 100);
    expect(text.length).toBeLessThanOrEqual(101);
    expect(text.endsWith('слово…')).toBe(true);
  });
});
