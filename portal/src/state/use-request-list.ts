import type { Page, RecordItem } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { client } from '../lib/api';

export interface RequestQuery {
  q: string;
  status: string;
  queue: 'team' | 'mine';
  offset: number;
}

export const pageSize = 20;
const openStatuses = 'new|in_progress|waiting';

/** Requests for the operator's list; «На команде» means everything still open. */
export function useRequestList(query: RequestQuery) {
  const [page, setPage] = useState<Page<RecordItem> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [teamCount, setTeamCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    const filter = query.status ? [`status:eq:${query.status}`] : [`status:in:${openStatuses}`];
    client
      .listRecords('request', { q: query.q || undefined, filter, limit: pageSize, offset: query.offset })
      .then(
        (p) => live && setPage(p),
        (e: unknown) => live && setError(e),
      );
    return () => {
      live = false;
    };
  }, [query.q, query.status, query.offset]);
  useEffect(() => {
    void client.listRecords('request', { filter: [`status:in:${openStatuses}`], limit: 1 }).then(
      (p) => setTeamCount(p.total),
      () => setTeamCount(null),
    );
  }, []);
  return {
    page: query.queue === 'mine' ? { items: [], total: 0, limit: pageSize, offset: 0 } : page,
    error,
    teamCount,
  };
}
