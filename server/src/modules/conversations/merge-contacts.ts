import type { Database, Em } from '../../db/database.js';
import { fail } from '../../http/app-error.js';
import { audit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';

/**
 * Makes two contacts one client: `contactId` (and every other contact of its former client card) moves to the
 * client card `clientRecordId`, with its conversations. Nothing is deleted: both histories stay, now on one card,
 * and the audit row says what belonged where before, so the merge can be followed (and undone by hand).
 */
export async function mergeContactInto(
  db: Database,
  tx: Em,
  contactId: string,
  target: { clientRecordId: string; clientType: string },
  actor: Actor | null,
  now: Date,
): Promise<{ movedContacts: number; movedConversations: number }> {
  const { clientRecordId } = target;
  const [contact] = await db.query<{ client_record_id: string | null }>(
    'select client_record_id from contact where id = ? for update',
    [contactId],
    tx,
  );
  if (!contact) throw fail.notFound('contact');
  const [client] = await db.query(
    'select 1 from record where id = ? and deleted_at is null',
    [clientRecordId],
    tx,
  );
  if (!client) throw fail.notFound('record');
  const former = contact.client_record_id;
  if (former === clientRecordId) return { movedContacts: 0, movedConversations: 0 };
  const moved = await db.query<{ id: string }>(
    'update contact set client_record_id = ?, updated_at = ? where id = ? or (? is not null and client_record_id = ?) returning id',
    [clientRecordId, now, contactId, former, former],
    tx,
  );
  const contactIds = moved.map((row) => row.id);
  const conversations = await db.query<{ id: string }>(
    `update conversation set client_record_id = ? where contact_id in (select id from contact where client_record_id = ?)
       and client_record_id is distinct from ? returning id`,
    [clientRecordId, clientRecordId, clientRecordId],
    tx,
  );
  audit(tx, actor, {
    action: 'update',
    targetType: 'contact',
    targetId: contactId,
    before: { clientRecordId: former },
    after: { clientRecordId, contacts: contactIds, conversations: conversations.map((row) => row.id) },
    at: now,
  });
  return { movedContacts: contactIds.length, movedConversations: conversations.length };
}
