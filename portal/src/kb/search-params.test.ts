import { describe, expect, it } from 'vitest';
import { maxQueryLength, pageCount, parseSearch, searchHref, withFilter } from './search-params';

describe('search address', () => {
  it('reads the state from the address', () => {
    expect(
      parseSearch('/search?q=%D0%BF%D0%B0%D1%80%D0%BE%D0%BB%D0%B8&category=account&tag=vhod&page=3'),
    ).toEqual({
      q: 'пароли',
      category: 'account',
      tag: 'vhod',
      page: 3,
    });
    expect(parseSearch('/search')).toEqual({ q: '', category: '', tag: '', page: 1 });
  });

  it('falls back on a bad page number', () => {
    for (const page of ['0', '-2', 'abc', '1e9', '99999999'])
      expect(parseSearch(`?page=${page}`).page).toBe(1);
  });

  it('round-trips any query: symbols, emoji, ampersands, plus signs', () => {
    for (const q of ['пароль & логин', 'C++ #1 100%', '😀 не работает', "'; DROP TABLE--", 'a/b?c=d']) {
      const href = searchHref({ q, tag: 'метка' });
      expect(parseSearch(href)).toEqual({ q, category: '', tag: 'метка', page: 1 });
    }
  });

  it('cuts a very long query', () => {
    const q = 'пароль '.repeat(500);
    expect(parseSearch(searchHref({ q })).q.length).toBeLessThanOrEqual(maxQueryLength);
    expect(parseSearch(`?q=${encodeURIComponent(q)}`).q.length).toBe(maxQueryLength);
  });

  it('leaves defaults out of the address', () => {
    expect(searchHref({})).toBe('/search');
    expect(searchHref({ q: '  пароль  ', page: 1 })).toBe('/search?q=%D0%BF%D0%B0%D1%80%D0%BE%D0%BB%D1%8C');
    expect(searchHref({ q: 'x', page: 2 })).toBe('/search?q=x&page=2');
  });

  it('starts again at page 1 when a filter changes', () => {
    expect(withFilter({ q: 'x', category: '', tag: '', page: 4 }, { category: 'payment' })).toEqual({
      q: 'x',
      category: 'payment',
      tag: '',
      page: 1,
    });
  });

  it('counts pages', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(10)).toBe(1);
    expect(pageCount(11)).toBe(2);
    expect(pageCount(95, 20)).toBe(5);
  });
});
