/** Largest file a file field takes when it sets no `maxSizeMb` (the server may cap it lower still). */
export const defaultFileMaxSizeMb = 25;

/** The name's extension, lower-cased with its dot ('.pdf'), or '' when it has none. */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot).toLowerCase() : '';
}

/** 'Text/Plain; charset=utf-8' → 'text/plain'. */
export function bareMediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * Whether a file may go into a file field, judged before its content is read: by the name's extension and the
 * declared type. `accept` lists extensions ('.pdf') and media types or patterns ('application/pdf', 'image/*');
 * as with the HTML `accept` attribute one matching entry is enough, and no list (or an empty one) takes anything.
 */
export function fileAccepted(
  accept: readonly string[] | undefined,
  name: string,
  contentType: string,
): boolean {
  if (!accept?.length) return true;
  const extension = fileExtension(name);
  const type = bareMediaType(contentType);
  return accept.some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (entry === '*' || entry === '*/*') return true;
    if (entry.startsWith('.')) return extension !== '' && entry === extension;
    if (entry.endsWith('/*')) return type.startsWith(entry.slice(0, -1));
    return entry === type;
  });
}
