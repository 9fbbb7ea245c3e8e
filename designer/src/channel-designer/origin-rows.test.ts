import { describe, expect, it } from 'vitest';
import { originRows, originsFromRows, repeatedRows, rowsFor } from './origin-rows';

describe('origin rows', () => {
  it('give each origin a row and store the typed ones trimmed, leaving out empty rows', () => {
    const rows = originRows(['https://a.example.ru', 'https://b.example.ru']);
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
    expect(
      originsFromRows([...rows, { id: 3, text: '' }, { id: 4, text: '  https://c.example.ru ' }]),
    ).toEqual(['https://a.example.ru', 'https://b.example.ru', 'https://c.example.ru']);
  });
});

describe('origin rows kept in step with the channel', () => {
  it('keeps the rows being typed and starts again from a list changed elsewhere', () => {
    const rows = [...originRows(['https://a.example.ru']), { id: 2, text: '' }];
    expect(rowsFor(rows, ['https://a.example.ru'])).toBe(rows);
    expect(rowsFor(rows, ['https://b.example.ru'])).toEqual([{ id: 1, text: 'https://b.example.ru' }]);
  });

  it('marks a row that repeats an origin above it', () => {
    const rows = originRows(['https://a.example.ru', 'https://b.example.ru', ' https://a.example.ru']);
    expect([...repeatedRows(rows)]).toEqual([3]);
  });
});
