import type { Database, Em } from '../../db/database.js';

/**
 * The support mailbox clients' e-mail replies should reach: the address of a published e-mail channel (the first
 * by key, when there are several), or null when none is set up — then answers say to reply in the account.
 */
export async function supportMailbox(db: Database, em?: Em): Promise<string | null> {
  const [row] = await db.query<{ address: string | null }>(
    `select v.body #>> '{settings,address}' as address
       from definition d join definition_version v on v.definition_id = d.id and v.version = d.latest_version
      where d.kind = 'channel' and d.status <> 'archived' and v.body #>> '{settings,type}' = 'email'
      order by d.key limit 1`,
    [],
    em,
  );
  return row?.address ?? null;
}
