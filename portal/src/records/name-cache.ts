import { useEffect, useMemo } from 'react';
import i18n from '../i18n';
import { client } from '../lib/api';
import { createStore, useStore } from '../lib/store';

/**
 * Titles of linked records and names of users, by id, shared by every screen: a list of 50 requests naming
 * the same 5 clients asks for 5 titles once.
 */
const names = createStore<ReadonlyMap<string, string>>(new Map());
const requested = new Set<string>();

const remember = (pairs: [string, string][]) => {
  if (!pairs.length) return;
  names.set((current) => new Map([...current, ...pairs]));
};

/** Loads what is not known yet: records per type (by id filter in one list call each), users by id. */
export async function loadNames(records: Map<string, Set<string>>, users: Set<string>): Promise<void> {
  const fresh = (ids: Iterable<string>) => [...ids].filter((id) => !requested.has(id));
  const jobs: Promise<void>[] = [];
  for (const [entity, ids] of records) {
    const missing = fresh(ids);
    for (const id of missing) requested.add(id);
    for (const id of missing)
      jobs.push(
        client.getRecord(entity, id).then(
          (r) => remember([[id, r.title || i18n.t('work.number', { number: r.number })]]),
          () => remember([[id, '—']]),
        ),
      );
  }
  const people = fresh(users);
  for (const id of people) requested.add(id);
  if (people.length)
    jobs.push(
      client.lookupUsers({ ids: people, limit: 100 }).then(
        (page) => remember(page.items.map((p) => [p.id, p.name])),
        () => undefined,
      ),
    );
  await Promise.all(jobs);
}

/** A record's title is known the moment a picker or a card sees it. */
export const rememberName = (id: string, title: string): void => remember([[id, title]]);

export function useNames(records: Map<string, Set<string>>, users: Set<string>): ReadonlyMap<string, string> {
  const key = useMemo(
    () => JSON.stringify([[...records].map(([e, ids]) => [e, [...ids]]), [...users]]),
    [records, users],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for records and users
  useEffect(() => {
    void loadNames(records, users);
  }, [key]);
  return useStore(names);
}
