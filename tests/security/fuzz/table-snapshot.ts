import type { Harness } from '@opora/server/testing/test-app';

type Database = Harness['db'];

/** What the database holds, cheaply comparable: the next transaction id, and a hash of every table's rows. */
export interface Snapshot {
  nextXid: string;
  tables: Map<string, string>;
}

/** Tables the server writes on its own clock, whatever any request does: each process's presence heartbeat. */
const background = new Set(['server_process']);

/** Reads the database's state (but for the background tables); reuses `previous` when no transaction has written since (nothing can differ). */
export async function snapshot(db: Database, previous?: Snapshot): Promise<Snapshot> {
  // Any write takes a transaction id; reads do not. An unchanged next id means not a row has changed.
  const [row] = await db.query<{ xid: string }>(
    'select pg_snapshot_xmax(pg_current_snapshot())::text as xid',
  );
  const xid = row!.xid;
  if (previous && previous.nextXid === xid) return previous;
  const names = await db.query<{ table_name: string }>(
    `select table_name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  const hashes = await db.query<{ name: string; hash: string | null }>(
    names
      .filter(({ table_name: name }) => !background.has(name))
      .map(
        ({ table_name: name }) =>
          `select '${name}' as name, md5(string_agg(t::text, ',' order by t::text)) as hash from "${name}" t`,
      )
      .join(' union all '),
  );
  return { nextXid: xid, tables: new Map(hashes.map((h) => [h.name, h.hash ?? ''])) };
}

/** The tables whose rows differ between two snapshots. */
export const changedTables = (before: Snapshot, after: Snapshot): string[] =>
  [...after.tables].filter(([name, hash]) => before.tables.get(name) !== hash).map(([name]) => name);
