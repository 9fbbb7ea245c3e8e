import type { ChannelType, InboundMessage } from '@opora/runtime/conversations';
import type { Database, Em } from '../../db/database.js';
import { contactColumns, contactRefresh, contactValues } from './contact-upsert.js';
import type { ContactView } from './conversation-types.js';
import { contactView } from './rows.js';

/**
 * Claims an inbound message's channel id and finds (or creates) its sender's contact, in one statement: null when
 * the id was claimed before (a redelivered webhook, an e-mail fetched twice), and then nothing is written. A
 * concurrent claim of the same id waits for the first transaction, then sees it. Like `upsertContact`, it locks
 * the contact's row until the transaction ends, so one person's messages are taken one after the other.
 */
export async function claimArrival(
  db: Database,
  tx: Em,
  channel: { type: ChannelType; key: string },
  inbound: InboundMessage,
  now: Date,
): Promise<ContactView | null> {
  // Every inbound message of every channel runs it: planned once per connection.
  const [row] = await db.queryPrepared<Record<string, unknown>>(
    `with claim as (
       insert into channel_inbound (channel_key, external_id, received_at) values (?, ?, ?)
       on conflict do nothing returning external_id)
     insert into contact (${contactColumns})
     select ?, ?, ?, ?, ?, ?, ?, ?, ? where exists (select 1 from claim)
     ${contactRefresh}`,
    [channel.key, inbound.externalMessageId, now, ...contactValues(channel, inbound.from, now)],
    tx,
  );
  return row ? contactView(row) : null;
}
