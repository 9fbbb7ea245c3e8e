import type { EntityBody } from '@opora/runtime/definitions';
import type { Page, RecordItem } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { client } from '../lib/api';
import { useStore } from '../lib/store';
import { requestChangesStore } from './request-counts';

export interface RequestQuery {
  q: string;
  status: string;
  queue: 'team' | 'mine';
  offset: number;
}

export const pageSize = 20;
const openStatuses = 'new|in_progress|waiting';
/**
 * How often the queue counts are asked again while the window is open, should a live event be missed (they are
 * read again at once on every request change the server pushes, and when the window comes back).
 */
const countsEvery = 60_000;

/**
 * The request type's field naming who handles a request: `assignee` when it is a user field, else its only
 * single-user field. Null when the type has none (then nothing can be «На мне»).
 */
export function assigneeField(entity: EntityBody | null): string | null {
  const users = (entity?.fields ?? []).filter((f) => f.type === 'user' && !f.multiple);
  return (
    (users.find((f) => f.key === 'assignee') ?? (users.length === 1 ? users[0] : undefined))?.key ?? null
  );
}

/**
 * The list filters of a queue: «На команде» is what is still open and nobody has taken (everything open when the
 * type has no assignee field), «На мне» what of it is assigned to me.
 */
export function queueFilter(
  queue: RequestQuery['queue'],
  status: string,
  mine: { field: string; userId: string } | null,
): string[] | null {
  const filter = status ? [`status:eq:${status}`] : [`status:in:${openStatuses}`];
  if (queue === 'team') return mine ? [...filter, `${mine.field}:empty:true`] : filter;
  return mine ? [...filter, `${mine.field}:eq:${mine.userId}`] : null;
}

/** Requests for the operator's list, and the open count of each queue (kept fresh while the window is open). */
export function useRequestList(query: RequestQuery, entity: EntityBody | null, userId: string | null) {
  // The page with the queue it lists: another queue's rows are never shown under this one while it loads.
  const [result, setResult] = useState<{ queue: string; page: Page<RecordItem> } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [counts, setCounts] = useState<{ team: number | null; mine: number | null }>({
    team: null,
    mine: null,
  });
  const field = entity ? assigneeField(entity) : null;
  const mine = field && userId ? { field, userId } : null;
  const mineKey = mine ? `${mine.field}:${mine.userId}` : '';
  const ready = entity !== null;
  const changes = useStore(requestChangesStore);

  // biome-ignore lint/correctness/useExhaustiveDependencies: mineKey stands for `mine`
  useEffect(() => {
    if (query.queue === 'mine' && !ready) return;
    const filter = queueFilter(query.queue, query.status, mine);
    const queue = query.queue;
    if (!filter) {
      setResult({ queue, page: { items: [], total: 0, limit: pageSize, offset: 0 } });
      return;
    }
    let live = true;
    client
      .listRecords('request', { q: query.q || undefined, filter, limit: pageSize, offset: query.offset })
      .then(
        (page) => live && setResult({ queue, page }),
        (e: unknown) => live && setError(e),
      );
    return () => {
      live = false;
    };
  }, [query.q, query.status, query.offset, query.queue, mineKey, ready, changes]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: mineKey stands for `mine`
  useEffect(() => {
    let live = true;
    const count = (filter: string[] | null) =>
      filter
        ? client.listRecords('request', { filter, limit: 1 }).then(
            (p) => p.total,
            () => null,
          )
        : Promise.resolve(ready ? 0 : null);
    const refresh = () => {
      if (document.visibilityState === 'hidden') return;
      void Promise.all([count(queueFilter('team', '', mine)), count(queueFilter('mine', '', mine))]).then(
        ([team, mineCount]) => live && setCounts({ team, mine: mineCount }),
      );
    };
    refresh();
    const timer = setInterval(refresh, countsEvery);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      live = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [mineKey, ready, changes]);

  const page = result?.queue === query.queue ? result.page : null;
  return { page, error, counts, hasAssignee: !ready || field !== null };
}
