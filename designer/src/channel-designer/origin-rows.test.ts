import { describe, expect, it } from 'vitest';
import { originRows, originsFromRows } from './origin-rows';

describe('origin rows', () => {
  it('give each origin a row and store the typed ones trimmed, leaving out empty rows', () => {
    const rows = originRows(['https://a.example.ru', 'https://b.example.ru']);
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
    expect(
      originsFromRows([...rows, { id: 3, text: '' }, { id: 4, text: '  https://c.example.ru ' }]),
    ).toEqual(['https://a.example.ru', 'https://b.example.ru', 'https://c.example.ru']);
  });
});
