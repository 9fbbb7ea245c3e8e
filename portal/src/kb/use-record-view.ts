import { useEffect } from 'react';
import { client } from '../lib/api';

/** When each article's view was last counted here; a repeat within this window is the same opening. */
const counted = new Map<string, number>();
const sameOpeningMs = 3000;

/**
 * Counts one reading per opening of an article. The short window absorbs effects that run twice for one opening
 * (React's strict mode, a re-render with the same key); counting is best effort and never shows an error.
 */
export function useRecordView(key: string | null | undefined): void {
  useEffect(() => {
    if (!key) return;
    const now = Date.now();
    if (now - (counted.get(key) ?? 0) < sameOpeningMs) return;
    counted.set(key, now);
    client.kb.recordView(key).catch(() => undefined);
  }, [key]);
}
