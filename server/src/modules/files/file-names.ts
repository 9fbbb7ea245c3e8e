import { bareMediaType } from '@opora/runtime/definitions';

const maxNameLength = 255;
const token = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;

/** The name a browser sent, reduced to a plain file name: no folders, no control characters, at most 255 characters. */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = Array.from(
    base
      .normalize('NFC')
      .replace(/\p{Cc}/gu, '')
      .trim(),
  )
    .slice(0, maxNameLength)
    .join('');
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'file' : cleaned;
}

/** The declared media type without parameters; anything malformed becomes application/octet-stream. */
export function cleanContentType(raw: string | undefined): string {
  const type = bareMediaType(raw ?? '');
  return token.test(type) ? type : 'application/octet-stream';
}

/**
 * `attachment` with the name twice (RFC 6266): an ASCII fallback for old clients and `filename*` in UTF-8,
 * which is what keeps Cyrillic names intact in every current browser.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
