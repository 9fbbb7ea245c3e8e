import type { Announcement } from '@opora/sdk';

export const severities: readonly Announcement['severity'][] = ['info', 'maintenance', 'outage'];

/** Announcement text without its markup, for a one-line preview in the list. */
export function plainText(html: string): string {
  if (typeof DOMParser === 'undefined')
    return html
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const text = new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
  return text.replace(/\s+/g, ' ').trim();
}
