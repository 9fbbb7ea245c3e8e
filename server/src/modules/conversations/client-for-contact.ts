import type { ChannelIdentity } from '@opora/runtime/conversations';
import type { PortalAccount } from '@opora/runtime/definitions';
import type { Database, Em } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import type { RecordService } from '../records/record-service.js';
import { knownClient } from './client-recognition.js';
import type { ContactView } from './conversation-types.js';

interface Context {
  db: Database;
  records: RecordService;
  tx: Em;
  /** Which data type holds clients (the portal's account mapping); without it no client record is made. */
  account: PortalAccount | null;
}

/**
 * The client record a contact belongs to, linking it on the way: the one it is linked to already; else a known
 * client with the same e-mail or phone; else a new client record when the person told at least a name or an
 * address (an anonymous widget visitor who told nothing stays a contact without a card until they do). A client
 * type that refuses the new record (a required field the channel cannot fill) leaves the contact unlinked: an
 * operator links it by hand.
 */
export async function clientForContact(
  context: Context,
  contact: ContactView,
  identity: ChannelIdentity,
): Promise<string | null> {
  if (contact.clientRecordId) return contact.clientRecordId;
  const { db, tx, account } = context;
  const known = await knownClient(db, tx, account, {
    email: contact.email ?? undefined,
    phone: contact.phone ?? undefined,
    emailAsWritten: identity.email,
  });
  const client = known ?? (await newClient(context, contact, identity));
  if (client)
    await db.query('update contact set client_record_id = ? where id = ?', [client, contact.id], tx);
  return client;
}

async function newClient(context: Context, contact: ContactView, identity: ChannelIdentity) {
  const { account, records, tx } = context;
  const name = contact.displayName ?? contact.email ?? contact.phone;
  if (!account || !name) return null;
  const fields: Record<string, unknown> = { [account.clientName]: name };
  if (contact.email) fields[account.clientEmail] = identity.email?.trim() || contact.email;
  try {
    const record = await records.create(account.clients, fields, null, 'ru', { em: tx, grantedBy: 'portal' });
    // The contact and the conversation point at the record: its row must exist before they do.
    await tx.flush();
    return record.id;
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return null;
    throw error;
  }
}
