import type { Clock } from '../../adapters/clock.js';
import { dateOf } from '../../adapters/clock.js';
import type { Database } from '../../db/database.js';
import type { ConversationStore, PressListener } from '../conversations/conversation-store.js';
import { conversationView } from '../conversations/rows.js';
import { clientLocale } from './client-locale.js';
import { lockAsk } from './csat-row.js';
import { csatText, ratingButtons } from './csat-texts.js';
import { applyRating } from './record-rating.js';

/**
 * A pressed button is a rating when the last buttons the client was offered (in any of their dialogs) are the
 * rating question of a dialog still closed since: the press is stored in that dialog (not opening a new one), the
 * score is its position + 1, and a thanks follows when the score is new or changed. Any other press — an old
 * question after a reopen, a bot's choice — is an ordinary message.
 */
export function rateByPress(deps: {
  db: Database;
  conversations: ConversationStore;
  clock: Clock;
}): PressListener {
  const { db, conversations } = deps;
  return async (tx, contact, pressed) => {
    if (!Number.isInteger(pressed.index) || pressed.index < 0 || pressed.index >= ratingButtons.length)
      return null;
    const [offer] = await db.query<{ conversation_id: string }>(
      `select s.conversation_id from message m
         join conversation c on c.id = m.conversation_id
         left join csat s on s.question_message_id = m.id
        where c.contact_id = ? and m.direction = 'out' and not m.internal and jsonb_array_length(m.parts) > 0
        order by m.seq desc limit 1`,
      [contact.id],
      tx,
    );
    if (!offer?.conversation_id) return null;
    // The dialog first, then its ask: the order closing takes them in, so the two never wait on each other.
    const [row] = await db.query<Record<string, unknown>>(
      'select * from conversation where id = ? for update',
      [offer.conversation_id],
      tx,
    );
    const ask = await lockAsk(db, tx, { conversationId: offer.conversation_id });
    if (!ask?.changeable) return null;
    return {
      conversation: conversationView(row!),
      after: async (inTx) => {
        const now = dateOf(deps.clock);
        const { scoreChanged } = await applyRating(db, inTx, ask, { score: pressed.index + 1 }, now);
        if (!scoreChanged) return;
        const locale = await clientLocale(db, inTx, offer.conversation_id);
        // Only the widget has a box for the comment; elsewhere the thanks closes the exchange.
        const thanks = ask.row.channel === 'widget' ? 'thanks' : 'thanksFinal';
        await conversations.answerWithin(
          inTx,
          offer.conversation_id,
          { authorKind: 'system', message: { text: csatText(locale, thanks), parts: [], attachments: [] } },
          null,
        );
      },
    };
  };
}
