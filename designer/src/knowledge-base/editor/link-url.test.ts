import { describe, expect, it } from 'vitest';
import { normalizeLink } from './link-url';

describe('link addresses', () => {
  it('keeps web, mail, phone and in-site links', () => {
    expect(normalizeLink('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(normalizeLink('mailto:help@example.com')).toBe('mailto:help@example.com');
    expect(normalizeLink('/kb/kak-smenit-parol')).toBe('/kb/kak-smenit-parol');
    expect(normalizeLink('#section')).toBe('#section');
  });

  it('completes what people usually type', () => {
    expect(normalizeLink(' example.com/help ')).toBe('https://example.com/help');
    expect(normalizeLink('help@example.com')).toBe('mailto:help@example.com');
    expect(normalizeLink('+7 (495) 123-45-67')).toBe('tel:+74951234567');
    expect(normalizeLink('пример.рф')).toBe('https://пример.рф');
  });

  it('refuses scripts, other schemes and nonsense', () => {
    expect(normalizeLink('javascript:alert(1)')).toBeNull();
    expect(normalizeLink('data:text/html,<b>')).toBeNull();
    expect(normalizeLink('//evil.com')).toBeNull();
    expect(normalizeLink('просто текст')).toBeNull();
    expect(normalizeLink('')).toBeNull();
  });
});
