import type { PortalNotification } from '@opora/sdk';
import { client } from '../../lib/api';
import { createStore, useStore } from '../../lib/store';

export interface NotificationsState {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  items: PortalNotification[];
  total: number;
  unread: number;
  error?: unknown;
}

const pageSize = 20;
const empty: NotificationsState = { status: 'idle', items: [], total: 0, unread: 0 };

/** The client's notifications, shared by the header badge and the account page; live ones are added in front. */
const store = createStore<NotificationsState>(empty);

export const useNotifications = (): NotificationsState => useStore(store);

export async function loadNotifications(): Promise<void> {
  store.set((s) => ({ ...s, status: s.status === 'ready' ? 'ready' : 'loading' }));
  try {
    const page = await client.portal.notifications({ limit: pageSize });
    store.set({ status: 'ready', items: page.items, total: page.total, unread: page.unread });
  } catch (error) {
    store.set((s) => ({ ...s, status: 'failed', error }));
  }
}

export async function loadMoreNotifications(): Promise<void> {
  const { items } = store.get();
  const page = await client.portal.notifications({ limit: pageSize, offset: items.length });
  store.set((s) => {
    const known = new Set(s.items.map((n) => n.id));
    return {
      ...s,
      items: [...s.items, ...page.items.filter((n) => !known.has(n.id))],
      total: page.total,
      unread: page.unread,
    };
  });
}

/** A notification pushed by the live connection: shown at once, counted as unread. */
export function addNotification(notification: PortalNotification): void {
  store.set((s) => {
    if (s.items.some((n) => n.id === notification.id)) return s;
    return {
      ...s,
      items: [notification, ...s.items],
      total: s.total + 1,
      unread: s.unread + (notification.readAt ? 0 : 1),
    };
  });
}

/** Marks some (or, without ids, all) as read: on screen at once, the server asked after; reloaded if it refuses. */
export async function markNotificationsRead(ids?: string[]): Promise<void> {
  const now = new Date().toISOString();
  const hit = (n: PortalNotification) => !n.readAt && (!ids || ids.includes(n.id));
  store.set((s) => {
    const changed = s.items.filter(hit).length;
    return {
      ...s,
      items: s.items.map((n) => (hit(n) ? { ...n, readAt: now } : n)),
      unread: ids ? Math.max(0, s.unread - changed) : 0,
    };
  });
  try {
    await client.portal.markRead(ids);
  } catch {
    await loadNotifications();
  }
}

export function forgetNotifications(): void {
  store.set(empty);
}
