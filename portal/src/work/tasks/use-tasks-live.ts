import { useEffect } from 'react';
import { openLive } from '../../account/state/live-connection';
import { client } from '../../lib/api';
import { refreshTaskBadge } from './badge-store';
import { loadTasks, tasksStore } from './tasks-store';

const recountMs = 60_000;

let refreshTimer: ReturnType<typeof setTimeout> | null = null;

/** The inbox changed: the badge, and the list when it has been loaded, read again (once for a burst). */
export function tasksChanged(): void {
  refreshTaskBadge();
  if (refreshTimer !== null || !tasksStore.get().loaded) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    void loadTasks();
  }, 300);
}

/**
 * While a staff member is signed in (the staff bar is on screen): the badge is counted, and `tasks.changed` on
 * their live channel refreshes it and the inbox; after a break both are read again.
 */
export function useTasksLive(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    refreshTaskBadge(0);
    // A task falls overdue with no event to tell: the badge is counted again now and then.
    const recount = setInterval(() => refreshTaskBadge(0), recountMs);
    if (typeof WebSocket === 'undefined') return () => clearInterval(recount);
    const live = openLive({
      url: client.portal.liveUrl(location.origin),
      onMessage(message) {
        if (message.type === 'tasks.changed') tasksChanged();
      },
      onReconnect: tasksChanged,
    });
    return () => {
      clearInterval(recount);
      live.close();
    };
  }, [enabled]);
}
