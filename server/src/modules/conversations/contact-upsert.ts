import { randomUUID } from 'node:crypto';
import {
  type ChannelIdentity,
  type ChannelType,
  comparableEmail,
  comparablePhone,
} from '@opora/runtime/conversations';
import type { Database, Em, Scalar } from '../../db/database.js';
import type { ContactView } from './conversation-types.js';
import { contactView } from './rows.js';

const longestName = 200;

/** The contact columns a channel identity fills, in the order of `contactValues`. */
export const contactColumns =
  'id, channel, channel_key, external_id, display_name, email, phone, created_at, updated_at';

/** An existing contact is refreshed with what the channel tells about the person now; the row stays locked. */
export const contactRefresh = `on conflict (channel_key, external_id) do update set
       display_name = coalesce(excluded.display_name, contact.display_name),
       email = coalesce(excluded.email, contact.email),
       phone = coalesce(excluded.phone, contact.phone),
       updated_at = excluded.updated_at
     returning *`;

export const contactValues = (
  channel: { type: ChannelType; key: string },
  identity: ChannelIdentity,
  now: Date,
): Scalar[] => [
  randomUUID(),
  channel.type,
  channel.key,
  identity.externalId,
  identity.displayName?.trim().slice(0, longestName) || null,
  comparableEmail(identity.email) ?? null,
  comparablePhone(identity.phone) ?? null,
  now,
  now,
];

/**
 * The contact behind a channel identity, created on first contact and refreshed with what the channel tells about
 * the person now (a new display name, an address given later). The upsert also locks the contact's row until the
 * transaction ends, so two messages of one person arriving at once are taken one after the other (and never open
 * two conversations).
 */
export async function upsertContact(
  db: Database,
  tx: Em,
  channel: { type: ChannelType; key: string },
  identity: ChannelIdentity,
  now: Date,
): Promise<ContactView> {
  const [row] = await db.query<Record<string, unknown>>(
    `insert into contact (${contactColumns}) values (?, ?, ?, ?, ?, ?, ?, ?, ?) ${contactRefresh}`,
    contactValues(channel, identity, now),
    tx,
  );
  if (!row) throw new Error('contact upsert returned no row');
  return contactView(row);
}
