import { startBot } from '@opora/runtime/bots';
import { dateOf } from '../../adapters/clock.js';
import type { Em } from '../../db/database.js';
import type { ConversationView } from '../conversations/conversation-types.js';
import { clientLanguage } from '../distribution/client-language.js';
import type { BotDeps } from './bot-deps.js';
import { insertSession, type SessionRow } from './session-rows.js';
import { feed } from './session-step.js';

/**
 * The first turn of a dialog the router gave to a line's bot: a session of the bot's latest published version
 * (kept for the whole session), with the client's name and addresses as `client`, told the dialog opened. The
 * session takes client messages from `firstSeq` on: an older history (a reopened dialog) is not replayed.
 * Null when the line names no published bot.
 */
export async function startSession(
  deps: BotDeps,
  tx: Em,
  conversation: ConversationView,
  firstSeq: number,
  firstText: string,
): Promise<SessionRow | null> {
  const line = conversation.lineKey ? await deps.lines.get(conversation.lineKey, tx) : null;
  const bot = line?.body.bot ? await deps.bots.latest(line.body.bot, tx) : null;
  if (!bot) return null;
  const [contact] = await deps.db.query<{
    display_name: string | null;
    email: string | null;
    phone: string | null;
  }>('select display_name, email, phone from contact where id = ?', [conversation.contactId], tx);
  const state = startBot(bot, {
    locale: clientLanguage(firstText),
    variables: {
      client: {
        id: conversation.clientRecordId ?? '',
        name: contact?.display_name ?? '',
        email: contact?.email ?? '',
        phone: contact?.phone ?? '',
      },
    },
  });
  const session = await insertSession(
    deps.db,
    tx,
    { conversationId: conversation.id, state, handledSeq: firstSeq - 1 },
    dateOf(deps.clock),
  );
  return feed(deps, tx, conversation, session, { type: 'dialogOpened' });
}
