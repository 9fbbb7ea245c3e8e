import { createStore, useStore } from '../../lib/store';

const key = 'opora.dismissed-announcements';

/** Storage for the session; absent (tests, privacy modes) means dismissals last until the page reloads. */
const storage = (): Storage | null => {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
};

function read(): string[] {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** Announcements the visitor closed in this browser session (ids kept in sessionStorage). */
const dismissed = createStore<readonly string[]>(read());

export function dismissAnnouncement(id: string): void {
  dismissed.set((ids) => (ids.includes(id) ? ids : [...ids, id]));
  // Only the last hundred: ids of long-gone announcements need not pile up.
  storage()?.setItem(key, JSON.stringify(dismissed.get().slice(-100)));
}

export const useDismissed = (): readonly string[] => useStore(dismissed);
