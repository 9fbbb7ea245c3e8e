import { describe, expect, it } from 'vitest';
import { helpPath, parseHelpPath, samePath, stepFromQuery, withStep } from './help-paths';

describe('helper addresses', () => {
  it('makes one address per step and reads it back', () => {
    expect(helpPath('support', [])).toBe('/help/support');
    expect(helpPath('support', ['account', 'auth-problems'])).toBe('/help/support/account/auth-problems');
    expect(parseHelpPath('/help/support/account/auth-problems')).toEqual({
      tree: 'support',
      path: ['account', 'auth-problems'],
    });
    expect(parseHelpPath('/help/support')).toEqual({ tree: 'support', path: [] });
  });

  it('ignores the query string, extra slashes and bad escapes', () => {
    expect(parseHelpPath('/help/support/account/?utm=1#x')).toEqual({ tree: 'support', path: ['account'] });
    expect(parseHelpPath('//help//support//a')).toEqual({ tree: 'support', path: ['a'] });
    expect(parseHelpPath('/help/support/%E0%A4%A')).toEqual({ tree: 'support', path: ['%E0%A4%A'] });
  });

  it('is not fooled by other addresses', () => {
    expect(parseHelpPath('/help')).toBeNull();
    expect(parseHelpPath('/kb/help/x')).toBeNull();
  });

  it('encodes what should not be in a path', () => {
    const odd = ['a b', 'c/d'];
    expect(parseHelpPath(helpPath('tree', odd))?.path).toEqual(odd);
  });

  it('keeps the step of an embedded helper in ?step=, leaving other parameters alone', () => {
    expect(withStep('/', ['account', 'auth-problems'])).toBe('/?step=account/auth-problems');
    expect(withStep('/p/help?lang=ru', ['a'])).toBe('/p/help?lang=ru&step=a');
    expect(withStep('/p/help?step=a&lang=ru', [])).toBe('/p/help?lang=ru');
    expect(withStep('/?step=a', [])).toBe('/');
    expect(stepFromQuery('/?step=account/auth-problems&x=1')).toEqual(['account', 'auth-problems']);
    expect(stepFromQuery('/?step=account%2Fauth-problems')).toEqual(['account', 'auth-problems']);
    expect(stepFromQuery('/')).toEqual([]);
  });

  it('compares paths', () => {
    expect(samePath(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(samePath(['a'], ['a', 'b'])).toBe(false);
  });
});
