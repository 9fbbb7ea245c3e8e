import { describe, expect, it } from 'vitest';
import { formatMemory, formatMs } from './run-figures';

// Intl separates thousands and decimals with characters that vary by locale; compare with plain spaces.
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('run figures', () => {
  it('says memory in Russian units in the Russian UI', () => {
    expect(plain(formatMemory(512 * 1024, 'ru'))).toBe('512 КБ');
    expect(plain(formatMemory(1.5 * 1024 * 1024, 'ru'))).toBe('1,5 МБ');
  });

  it('says memory in English units in the English UI', () => {
    expect(formatMemory(512 * 1024, 'en')).toBe('512 KB');
    expect(formatMemory(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
  });

  it('writes milliseconds with the locale’s decimal separator', () => {
    expect(formatMs(8.94, 'ru')).toBe('8,9');
    expect(formatMs(8.94, 'en')).toBe('8.9');
  });
});
