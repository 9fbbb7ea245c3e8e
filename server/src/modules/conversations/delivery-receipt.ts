import { advanceDelivery, type DeliveryState } from '@opora/runtime/conversations';
import type { LiveHub } from '../../adapters/live-hub/live-hub.js';
import type { Database, Em } from '../../db/database.js';
import { pushMessage } from './conversation-push.js';
import type { MessageView } from './conversation-types.js';
import { conversationView, messageView } from './rows.js';

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A channel's receipt for one of our answers (`delivered`, `read`, `failed`), named by the id the channel knows it
 * by. The state only moves forward (`advanceDelivery`), so receipts arriving late or twice change nothing; a changed
 * state reaches the screens like any message change. Null when the channel has no such answer of ours.
 */
export async function applyReceipt(
  db: Database,
  hub: LiveHub,
  tx: Em,
  receipt: { channelKey: string; externalId: string; state: DeliveryState },
): Promise<MessageView | null> {
  // The webhook channel names an answer by Opora's own message id, which is known before the send job commits:
  // a receipt overtaking that commit waits for the job's row lock instead of finding nothing.
  const byId = uuidShape.test(receipt.externalId);
  const [row] = await db.query<Record<string, unknown>>(
    `select m.*, row_to_json(c) as conversation_row
       from message m join conversation c on c.id = m.conversation_id
      where c.channel_key = ? and ${byId ? 'm.id = ?::uuid' : 'm.external_id = ?'} and m.direction = 'out'
      limit 1 for update of m`,
    [receipt.channelKey, receipt.externalId],
    tx,
  );
  if (!row) return null;
  const message = messageView(row);
  const delivery = advanceDelivery(message.delivery ?? 'sent', receipt.state);
  if (delivery === message.delivery) return message;
  await db.query('update message set delivery = ? where id = ?', [delivery, message.id], tx);
  const changed = { ...message, delivery };
  await pushMessage(hub, db, tx, conversationView(row.conversation_row as Record<string, unknown>), changed);
  return changed;
}
