import { comparableEmail } from '@opora/runtime/conversations';
import type { EntityBody, PortalAccount } from '@opora/runtime/definitions';
import type { Database, Em } from '../../db/database.js';
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
  const [user] = clientRecordId
    ? await db.query<{ email: string | null; name: string }>(
        'select email, name from app_user where record_id = ? and active order by created_at limit 1',
        [clientRecordId],
        tx,
      )
    : [];
  // Compared as the e-mail channel compares its contacts', so the client's reply finds this thread.
  const email = comparableEmail(written) ?? comparableEmail(user?.email ?? undefined) ?? null;
  return { clientRecordId, email, displayName: user?.name ?? null };
}
