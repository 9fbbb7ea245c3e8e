/**
 * A link address as an author typed it, made usable: `example.com` → `https://example.com`; mail addresses get
 * `mailto:`. Null for what the server would strip anyway (`javascript:`, `data:` and other schemes).
 */
export function normalizeLink(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  if (/^(https?:\/\/|mailto:|tel:)/i.test(text)) return /\s/.test(text) ? null : text;
  if (text.startsWith('/') && !text.startsWith('//')) return text;
  if (text.startsWith('#')) return text;
  if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(text)) return `mailto:${text}`;
  if (/^\+?[\d\s()-]{5,}$/.test(text)) return `tel:${text.replace(/[\s()-]/g, '')}`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return null;
  if (/^[^\s/]+\.[^\s/]{2,}(\/\S*)?$/.test(text)) return `https://${text}`;
  return null;
}
