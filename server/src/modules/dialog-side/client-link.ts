import type { Locale, PortalAccount } from '@opora/runtime/definitions';
import type { LiveMessage } from '@opora/sdk';
import { liveAddress } from '../../adapters/live-hub/live-address.js';
import type { LiveHub } from '../../adapters/live-hub/live-hub.js';
import type { Database, Em } from '../../db/database.js';
import { fail } from '../../http/app-error.js';
import { audit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import type { ConversationView } from '../conversations/conversation-types.js';
import { lockConversation } from '../conversations/outbound.js';
import { contactView, conversationView } from '../conversations/rows.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import { portalAccount, publishedEntity } from '../portal-account/portal-mapping.js';
import type { RecordService } from '../records/record-service.js';

export interface ClientLinkDeps {
  db: Database;
  definitions: DefinitionService;
  records: RecordService;
  hub: LiveHub;
}

/**
 * «Привязать к клиенту»: the dialog's contact belongs to another client card. The contact moves (it is one
 * person, so all of its dialogs move with it); other contacts of the former card stay there, unlike a merge of
 * cards. The caller must be able to read the card it links to. One transaction with its audit row; staff screens
 * hear of the moved dialogs live.
 */
export function linkClient(
  deps: ClientLinkDeps,
  conversationId: string,
  clientRecordId: string,
  actor: Actor,
  now: Date,
): Promise<ConversationView> {
  const { db } = deps;
  return db.transaction(async (tx) => {
    const account = await clientAccount(deps, tx);
    // Reading the card is the permission to link to it (checked in the transaction: the embedded database has one
    // connection); a record of another type is no client.
    await deps.records.get(account.clients, clientRecordId, actor, tx);
    return relink(deps, tx, conversationId, clientRecordId, actor, now);
  });
}

/**
 * «Создать клиента»: a client record from what the contact told (name, else address; e-mail; phone), created
 * through the data type's own create path (its rights, required fields and unique e-mail apply), then linked.
 */
export function createClient(
  deps: ClientLinkDeps,
  conversationId: string,
  actor: Actor,
  locale: Locale,
  now: Date,
): Promise<{ conversation: ConversationView; clientRecordId: string }> {
  return deps.db.transaction(async (tx) => {
    const account = await clientAccount(deps, tx);
    const conversation = await lockConversation(deps.db, tx, conversationId);
    const [row] = await deps.db.query<Record<string, unknown>>(
      'select * from contact where id = ?',
      [conversation.contactId],
      tx,
    );
    if (!row) throw fail.notFound('contact');
    const contact = contactView(row);
    const name = contact.displayName ?? contact.email ?? contact.phone;
    if (!name)
      throw fail.validation([{ pointer: '/contact', message: { key: 'contact_unnamed' }, code: 'required' }]);
    const fields: Record<string, unknown> = { [account.clientName]: name };
    if (contact.email) fields[account.clientEmail] = contact.email;
    const phoneField = await phoneFieldOf(deps, account, tx);
    if (contact.phone && phoneField) fields[phoneField] = contact.phone;
    const record = await deps.records.create(account.clients, fields, actor, locale, { em: tx });
    // The contact and the conversation point at the record: its row must exist before they do.
    await tx.flush();
    const linked = await relink(deps, tx, conversationId, record.id, actor, now);
    return { conversation: linked, clientRecordId: record.id };
  });
}

async function clientAccount(deps: ClientLinkDeps, tx: Em): Promise<PortalAccount> {
  const account = await portalAccount(deps.definitions, tx);
  if (!account) throw fail.notFound('client');
  return account;
}

/** The client type's first phone field, where a contact's phone number goes. */
async function phoneFieldOf(deps: ClientLinkDeps, account: PortalAccount, tx: Em): Promise<string | null> {
  const entity = await publishedEntity(deps.definitions, account.clients, tx);
  return entity?.fields.find((field) => field.type === 'phone')?.key ?? null;
}

async function relink(
  deps: ClientLinkDeps,
  tx: Em,
  conversationId: string,
  clientRecordId: string,
  actor: Actor,
  now: Date,
): Promise<ConversationView> {
  const { db, hub } = deps;
  const conversation = await lockConversation(db, tx, conversationId);
  const [contact] = await db.query<{ client_record_id: string | null }>(
    'select client_record_id from contact where id = ? for update',
    [conversation.contactId],
    tx,
  );
  if (!contact) throw fail.notFound('contact');
  const former = contact.client_record_id;
  if (former === clientRecordId && conversation.clientRecordId === clientRecordId) return conversation;
  await db.query(
    'update contact set client_record_id = ?, updated_at = ? where id = ?',
    [clientRecordId, now, conversation.contactId],
    tx,
  );
  const moved = (
    await db.query<Record<string, unknown>>(
      `update conversation set client_record_id = ?
        where contact_id = ? and client_record_id is distinct from ? returning *`,
      [clientRecordId, conversation.contactId, clientRecordId],
      tx,
    )
  ).map(conversationView);
  audit(tx, actor, {
    action: 'update',
    targetType: 'conversation',
    targetId: conversationId,
    before: { clientRecordId: conversation.clientRecordId, contactClientRecordId: former },
    after: { clientRecordId, contact: conversation.contactId, conversations: moved.map((c) => c.id) },
    at: now,
  });
  for (const changed of moved) {
    const push: LiveMessage = { type: 'conversation', conversation: changed };
    await hub.send(tx, [liveAddress.contactCentre, liveAddress.conversation(changed.id)], push);
  }
  return moved.find((c) => c.id === conversationId) ?? { ...conversation, clientRecordId };
}
