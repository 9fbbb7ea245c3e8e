import { describe, expect, it } from 'vitest';
import { listHref, parseList } from './list-params';

describe('category list address', () => {
  it('reads sort and page, with defaults', () => {
    expect(parseList('/kb/c/account')).toEqual({ sort: 'popular', page: 1 });
    expect(parseList('/kb/c/account?sort=recent&page=2')).toEqual({ sort: 'recent', page: 2 });
    expect(parseList('/kb/c/account?sort=weird&page=-1')).toEqual({ sort: 'popular', page: 1 });
  });

  it('writes only what differs from the defaults', () => {
    expect(listHref('/kb/c/a', { sort: 'popular', page: 1 })).toBe('/kb/c/a');
    expect(listHref('/kb/c/a', { sort: 'recent', page: 3 })).toBe('/kb/c/a?sort=recent&page=3');
  });
});
