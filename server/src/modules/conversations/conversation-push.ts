import type { LiveMessage } from '@opora/sdk';
import { liveAddress } from '../../adapters/live-hub/live-address.js';
import { fitsLivePayload, type LiveHub } from '../../adapters/live-hub/live-hub.js';
import type { Database, Em } from '../../db/database.js';
import type { ConversationView, MessageView } from './conversation-types.js';

/** The client's side of a conversation: their channel identity and the portal accounts of their client card. */
export interface ClientParty {
  channel: string;
  externalId: string;
  users: string[];
}

async function clientParty(
  db: Database,
  tx: Em,
  conversation: ConversationView,
): Promise<ClientParty | null> {
  const [row] = await db.query<{ channel: string; external_id: string; users: string[] | null }>(
    `select c.channel, c.external_id,
       (select array_agg(u.id) from app_user u where u.active and u.record_id = ?::uuid) as users
     from contact c where c.id = ?`,
    [conversation.clientRecordId, conversation.contactId],
    tx,
  );
  return row ? { channel: row.channel, externalId: row.external_id, users: row.users ?? [] } : null;
}

/**
 * Who hears about a conversation live: the contact centre's screens and whoever has it open always; the client
 * (their widget, their portal account) unless it is an operators' internal note.
 */
function audience(conversation: ConversationView, internal: boolean, party: ClientParty | null): string[] {
  const staff = [liveAddress.contactCentre, liveAddress.conversation(conversation.id)];
  if (internal || !party) return staff;
  const client = party.users.map(liveAddress.user);
  if (party.channel === 'widget') client.push(liveAddress.visitor(party.externalId));
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

/**
 * Pushes a new or changed message to everyone concerned; leaves when tx commits. A caller that read the client's
 * side with its own statement passes it, saving the lookup.
 */
export async function pushMessage(
  hub: LiveHub,
  db: Database,
  tx: Em,
  conversation: ConversationView,
  message: MessageView,
  party?: ClientParty | null,
): Promise<void> {
  const known = party !== undefined || message.internal ? party : await clientParty(db, tx, conversation);
  await hub.send(tx, audience(conversation, message.internal, known ?? null), messagePush(message));
}
