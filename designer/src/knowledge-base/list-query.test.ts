import { describe, expect, it } from 'vitest';
import { hasFilters, listQueryPath, readListQuery, toApiQuery } from './list-query';

describe('article list query in the address', () => {
  it('reads defaults from an empty address and writes them back short', () => {
    const q = readListQuery('');
    expect(q).toEqual({
      q: '',
      state: '',
      audience: '',
      category: '',
      tag: '',
      sort: '-updatedAt',
      offset: 0,
    });
    expect(listQueryPath(q)).toBe('/kb');
    expect(hasFilters(q)).toBe(false);
  });

  it('round-trips filters, sort and page', () => {
    const q = readListQuery(
      'q=пароль&state=review&audience=staff&category=account&tag=vpn&sort=title&offset=25',
    );
    expect(readListQuery(listQueryPath(q).slice(4))).toEqual(q);
    expect(toApiQuery(q)).toEqual({
      q: 'пароль',
      state: 'review',
      audience: 'staff',
      category: 'account',
      tag: 'vpn',
      sort: 'title',
      limit: 25,
      offset: 25,
    });
  });

  it('ignores values it does not know', () => {
    const q = readListQuery('state=deleted&sort=random&offset=-5');
    expect(q.state).toBe('');
    expect(q.sort).toBe('-updatedAt');
    expect(q.offset).toBe(0);
  });
});
