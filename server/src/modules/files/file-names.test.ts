import { describe, expect, it } from 'vitest';
import { cleanContentType, cleanFileName, contentDisposition } from './file-names.js';

describe('file names', () => {
  it('keeps only the last path segment and drops control characters', () => {
    expect(cleanFileName('C:\\Users\\ivan\\Отчёт.pdf')).toBe('Отчёт.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\nc.txt')).toBe('abc.txt');
    expect(cleanFileName('..')).toBe('file');
    expect(cleanFileName(undefined)).toBe('file');
    expect(Array.from(cleanFileName('я'.repeat(300)))).toHaveLength(255);
  });

  it('normalises the declared type and distrusts malformed ones', () => {
    expect(cleanContentType('Image/PNG')).toBe('image/png');
    expect(cleanContentType('text/plain; charset=utf-8')).toBe('text/plain');
    expect(cleanContentType('text/html\r\nX-Evil: 1')).toBe('application/octet-stream');
    expect(cleanContentType(undefined)).toBe('application/octet-stream');
  });

  it('encodes Cyrillic names for Content-Disposition with an ASCII fallback', () => {
    expect(contentDisposition('Счёт (май) 100%.pdf')).toBe(
      `attachment; filename="____ (___) 100_.pdf"; filename*=UTF-8''%D0%A1%D1%87%D1%91%D1%82%20%28%D0%BC%D0%B0%D0%B9%29%20100%25.pdf`,
    );
    expect(contentDisposition('a"b.txt')).toContain('filename="a_b.txt"');
  });
});
