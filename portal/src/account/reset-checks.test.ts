import { describe, expect, it } from 'vitest';
import { tokenFrom } from './mail-links-api';
import { resetChecks } from './reset-checks';

describe('new password from a mailed link', () => {
  it('applies the sign-up limits to both fields', () => {
    expect(resetChecks({ password: '', repeat: '' })).toEqual({ password: 'required', repeat: 'required' });
    expect(resetChecks({ password: 'short', repeat: 'short' })).toEqual({ password: 'short' });
    expect(resetChecks({ password: 'x'.repeat(201), repeat: 'x'.repeat(201) })).toEqual({ password: 'long' });
    expect(resetChecks({ password: 'long-enough-1', repeat: 'long-enough-2' })).toEqual({
      repeat: 'mismatch',
    });
    expect(resetChecks({ password: 'long-enough-1', repeat: 'long-enough-1' })).toEqual({});
  });

  it('reads the token from the link’s address', () => {
    expect(tokenFrom('/account/reset?token=abc-_123')).toBe('abc-_123');
    expect(tokenFrom('/account/reset?x=1&token=abc#top')).toBe('abc');
    expect(tokenFrom('/account/reset')).toBe('');
  });
});
