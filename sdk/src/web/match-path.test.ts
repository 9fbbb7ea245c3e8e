import { describe, expect, it } from 'vitest';
import { matchPath } from './match-path.js';

describe('matchPath', () => {
  it('extracts params and rejects other shapes', () => {
    expect(matchPath('/d/:kind/:id', '/d/form/abc')).toEqual({ kind: 'form', id: 'abc' });
    expect(matchPath('/d/:kind', '/d/form/abc')).toBeNull();
    expect(matchPath('/users', '/users?x=1')).toEqual({});
  });
});
