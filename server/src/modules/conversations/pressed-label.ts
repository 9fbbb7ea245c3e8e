import { type InboundMessage, type MessagePart, offeredButtons } from '@opora/runtime/conversations';
import type { Database, Em } from '../../db/database.js';

/**
 * A button pressed without its label (a messenger gateway may send the position alone; a Telegram update whose
 * keyboard was not echoed has only the callback data) reads as the label of the button at that position in the
 * conversation's last offer: the label is what bots and operators understand. A press that names its label (the
 * widget's, which knows the very message pressed) and a position outside the offer are kept as they came.
 */
export async function withPressedLabel(
  db: Database,
  tx: Em,
  conversationId: string,
  inbound: InboundMessage,
): Promise<InboundMessage> {
  if (!inbound.pressed || inbound.pressed.label.trim()) return inbound;
  const [offer] = await db.query<{ parts: MessagePart[] | string }>(
    `select parts from message where conversation_id = ? and direction = 'out' and not internal
        and jsonb_array_length(parts) > 0
      order by seq desc limit 1`,
    [conversationId],
    tx,
  );
  if (!offer) return inbound;
  const parts = (typeof offer.parts === 'string' ? JSON.parse(offer.parts) : offer.parts) as MessagePart[];
  const button = offeredButtons({ text: '', parts, attachments: [] })[inbound.pressed.index];
  if (!button) return inbound;
  return {
    ...inbound,
    message: { ...inbound.message, text: button.label },
    pressed: { index: inbound.pressed.index, label: button.label },
  };
}
