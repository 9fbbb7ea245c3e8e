import { comparableEmail } from '@opora/runtime/conversations';
import type { EntityBody, PortalAccount } from '@opora/runtime/definitions';
import type { Database, Em } from '../../db/database.js';
import { clientUsers } from '../portal-account/client-users.js';
import { relationIds } from '../portal-account/portal-mapping.js';
import type { ThreadParty } from './open-thread.js';

/**
 * Who a request's thread is with, from the request's data: its client card, and the address answers are mailed
 * to — the e-mail the request was sent from (an anonymous visitor's only address), else the client's account's.
 */
export async function threadParty(
  db: Database,
  tx: Em,
  scope: { account: PortalAccount; body: EntityBody | null },
  data: Record<string, unknown>,
): Promise<ThreadParty> {
  const clientRecordId = relationIds(data[scope.account.requestClient])[0] ?? null;
  const emailFields = scope.body?.fields.filter((f) => f.type === 'email').map((f) => f.key) ?? [];
  const written = emailFields.map((key) => data[key]).find((v): v is string => typeof v === 'string' && !!v);
  const [user] = clientRecordId ? await clientUsers(db, tx, [clientRecordId]) : [];
  // Compared as the e-mail channel compares its contacts', so the client's reply finds this thread.
  const email = comparableEmail(written) ?? comparableEmail(user?.email ?? undefined) ?? null;
  return { clientRecordId, email, displayName: user?.name ?? null };
}
