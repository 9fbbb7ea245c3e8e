import type { Database, Em } from '../../db/database.js';
import type { StatusListener } from '../conversations/conversation-status.js';
import type { ConversationStore } from '../conversations/conversation-store.js';
import type { ConversationView } from '../conversations/conversation-types.js';
import { clientLocale } from './client-locale.js';
import { csatText, ratingButtons } from './csat-texts.js';
import { csatLinkDays, newCsatToken } from './csat-token.js';

/** Channels where the client can be asked: a request's portal thread is not a dialog to rate. */
const rated = new Set<ConversationView['channel']>(['widget', 'telegram', 'webhook', 'email']);

/** The portal page an e-mailed rating link opens. */
export const csatPagePath = (token: string) => `/csat/${token}`;

/**
 * When an operator closes a dialog, the client is asked to rate it in the same transaction: buttons 1–5 where the
 * channel has buttons (the widget, Telegram's inline keyboard, webhook messengers), a link to a portal page in
 * e-mail. A dialog closed again after a reopen asks again (the earlier rating stays until a new one comes).
 */
export function askRatingOnClose(deps: { db: Database; conversations: ConversationStore }): StatusListener {
  const { db, conversations } = deps;
  return async (tx, { after, actor, now, origin }) => {
    if (after.status !== 'closed' || !actor || !rated.has(after.channel)) return;
    const locale = await clientLocale(db, tx, after.id);
    const email = after.channel === 'email';
    const token = email ? newCsatToken() : null;
    const link = token ? `${(origin ?? '').replace(/\/+$/, '')}${csatPagePath(token.token)}` : '';
    const question = await conversations.answerWithin(
      tx,
      after.id,
      {
        authorKind: 'system',
        message: email
          ? {
              text: csatText(locale, 'questionByLink', { link, days: csatLinkDays }),
              parts: [],
              attachments: [],
            }
          : {
              text: csatText(locale, 'question'),
              parts: [{ type: 'buttons', buttons: ratingButtons }],
              attachments: [],
            },
      },
      actor,
    );
    // A dialog nobody took is the closing operator's.
    const operatorId = after.operatorId ?? actor.id;
    await upsertAsk(db, tx, { ...after, operatorId }, question.id, now, token?.hash ?? null);
  };
}

async function upsertAsk(
  db: Database,
  tx: Em,
  conversation: ConversationView,
  questionId: string,
  now: Date,
  tokenHash: string | null,
) {
  const expires = tokenHash ? new Date(now.getTime() + csatLinkDays * 86_400_000) : null;
  await db.query(
    `insert into csat (conversation_id, channel, line_key, operator_id, question_message_id, asked_at, token_hash,
       token_expires_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (conversation_id) do update set line_key = excluded.line_key, operator_id = excluded.operator_id,
       question_message_id = excluded.question_message_id, asked_at = excluded.asked_at,
       token_hash = excluded.token_hash, token_expires_at = excluded.token_expires_at`,
    [
      conversation.id,
      conversation.channel,
      conversation.lineKey,
      conversation.operatorId,
      questionId,
      now,
      tokenHash,
      expires,
    ],
    tx,
  );
}
