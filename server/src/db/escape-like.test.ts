import { describe, expect, it } from 'vitest';
import { containsPattern, escapeLike } from './escape-like.js';

describe('LIKE patterns from user text', () => {
  it('escapes the wildcards and the escape character itself', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
    expect(escapeLike('обычный текст')).toBe('обычный текст');
  });

  it('wraps the escaped text for a «contains» search', () => {
    expect(containsPattern('a_b')).toBe('%a\\_b%');
  });
});
