import { describe, expect, it } from 'vitest';
import { accountPaths, pageFromAddress } from './account-paths';

describe('account addresses', () => {
  it('keeps the page of the requests list in the address', () => {
    expect(accountPaths.requests(1)).toBe('/account');
    expect(accountPaths.requests(3)).toBe('/account?page=3');
    expect(pageFromAddress('/account?page=3')).toBe(3);
    expect(pageFromAddress('/account?page=3#notifications')).toBe(3);
    expect(pageFromAddress('/account')).toBe(1);
    expect(pageFromAddress('/account?page=-2')).toBe(1);
    expect(pageFromAddress('/account?page=abc')).toBe(1);
  });
  it('encodes request ids', () => {
    expect(accountPaths.request('a/b')).toBe('/account/requests/a%2Fb');
    expect(accountPaths.task('a/b')).toBe('/account/tasks/a%2Fb');
  });
});
