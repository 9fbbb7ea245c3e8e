import type { LiveMessage } from '@opora/sdk';
import { liveAddress } from '../../adapters/live-hub/live-address.js';
import { fitsLivePayload, type LiveHub } from '../../adapters/live-hub/live-hub.js';
import type { Database, Em } from '../../db/database.js';
import type { ConversationView, MessageView } from './conversation-types.js';

interface Audience {
  channel: string;
  external_id: string;
  users: string[] | null;
}

/**
 * Who hears about a conversation live: the contact centre's screens and whoever has it open always; the client
 * (their widget, their portal account) unless it is an operators' internal note.
 */
async function audience(
  db: Database,
  tx: Em,
  conversation: ConversationView,
  internal: boolean,
): Promise<string[]> {
  const staff = [liveAddress.contactCentre, liveAddress.conversation(conversation.id)];
  if (internal) return staff;
  const [row] = await db.query<Audience>(
    `select c.channel, c.external_id,
       (select array_agg(u.id) from app_user u where u.active and u.record_id = ?::uuid) as users
     from contact c where c.id = ?`,
    [conversation.clientRecordId, conversation.contactId],
    tx,
  );
  if (!row) return staff;
  const client = (row.users ?? []).map(liveAddress.user);
  if (row.channel === 'widget') client.push(liveAddress.visitor(row.external_id));
  return [...staff, ...client];
}

/**
 * A message as a live push: whole when it fits a NOTIFY, otherwise without its text and parts, marked
 * `partial`, so the screens read it from the conversation's messages.
 */
export function messagePush(message: MessageView): LiveMessage {
  const whole: LiveMessage = { type: 'message', message };
  if (fitsLivePayload(JSON.stringify(whole))) return whole;
  return { type: 'message', message: { ...message, text: '', parts: [], attachments: [] }, partial: true };
}

/** Pushes a new or changed message to everyone concerned; leaves when tx commits. */
export async function pushMessage(
  hub: LiveHub,
  db: Database,
  tx: Em,
  conversation: ConversationView,
  message: MessageView,
): Promise<void> {
  await hub.send(tx, await audience(db, tx, conversation, message.internal), messagePush(message));
}
