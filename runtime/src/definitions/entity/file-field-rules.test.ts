import { describe, expect, it } from 'vitest';
import { bareMediaType, fileAccepted, fileExtension } from './file-field-rules.js';

describe('file field rules', () => {
  it('takes the last extension, lower-cased, and none for dot-files', () => {
    expect(fileExtension('Отчёт.за.май.PDF')).toBe('.pdf');
    expect(fileExtension('.bashrc')).toBe('');
    expect(fileExtension('README')).toBe('');
    expect(fileExtension('name.')).toBe('');
  });

  it('strips parameters from a media type', () => {
    expect(bareMediaType('Text/Plain; charset=UTF-8')).toBe('text/plain');
  });

  it('accepts anything without a list', () => {
    expect(fileAccepted(undefined, 'a.exe', 'application/x-msdownload')).toBe(true);
    expect(fileAccepted([], 'a.exe', 'application/x-msdownload')).toBe(true);
  });

  it('matches extensions, exact types and type patterns', () => {
    const accept = ['.pdf', 'image/*', 'text/csv'];
    expect(fileAccepted(accept, 'Счёт.PDF', 'application/octet-stream')).toBe(true);
    expect(fileAccepted(accept, 'photo', 'image/jpeg')).toBe(true);
    expect(fileAccepted(accept, 'data.txt', 'text/csv; charset=utf-8')).toBe(true);
    expect(fileAccepted(accept, 'run.exe', 'application/x-msdownload')).toBe(false);
    expect(fileAccepted(accept, 'page.html', 'text/html')).toBe(false);
    expect(fileAccepted(['image/*'], 'x.png', 'imagex/png')).toBe(false);
  });
});
