import type { Locale } from '@opora/sdk';
import type { Database, Em } from '../../db/database.js';

/** An active portal account of a client card. */
export interface ClientUser {
  id: string;
  locale: Locale;
  record_id: string;
  email: string | null;
  name: string;
}

/** A card's id; anything else in a relation field points at no card (and would fail the uuid comparison). */
const cardId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Per transaction (its context object), the users read for each set of client cards. */
const readIn = new WeakMap<object, Map<string, Promise<ClientUser[]>>>();

/**
 * The active accounts of the client cards `recordIds`, oldest first. Read once per transaction for the same
 * cards: a request's save asks twice (whom to tell live, and whom its thread is with), and accounts do not
 * change between its listeners.
 */
export function clientUsers(db: Database, tx: Em, recordIds: readonly string[]): Promise<ClientUser[]> {
  const ids = [...new Set(recordIds)].filter((id) => cardId.test(id)).sort();
  if (!ids.length) return Promise.resolve([]);
  const read = () =>
    db.query<ClientUser>(
      `select id, locale, record_id, email, name from app_user
       where active and record_id in (${ids.map(() => '?').join(', ')}) order by created_at, id`,
      ids,
      tx,
    );
  const context = tx.getTransactionContext<object>();
  if (!context) return read();
  const reads = readIn.get(context) ?? new Map<string, Promise<ClientUser[]>>();
  readIn.set(context, reads);
  const key = ids.join(',');
  const users = reads.get(key) ?? read();
  reads.set(key, users);
  return users;
}
