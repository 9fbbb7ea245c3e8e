import type { ChannelType } from '@opora/runtime/conversations';
import type { LiveHub } from '../../adapters/live-hub/live-hub.js';
import type { Database, Em } from '../../db/database.js';
import { pushMessage } from '../conversations/conversation-push.js';
import type { ConversationView, MessageView } from '../conversations/conversation-types.js';
import { appendInbound, claimInbound, earlierInbound } from '../conversations/inbound.js';
import { lockConversation } from '../conversations/outbound.js';
import { conversationView } from '../conversations/rows.js';
import { portalChannelKey } from './open-thread.js';

const portal = { type: 'portal' as ChannelType, key: portalChannelKey };

/**
 * The client's message in their request's thread, written from the account: stored once per client message id
 * (a retried send answers the first), the thread reopened if it had been closed, and pushed to the screens and
 * the client's other pages when the transaction commits.
 */
export async function clientReply(
  deps: { db: Database; hub: LiveHub },
  tx: Em,
  thread: ConversationView,
  input: { text: string; clientMessageId: string },
  now: Date,
): Promise<MessageView> {
  const { db, hub } = deps;
  const locked = await lockConversation(db, tx, thread.id);
  const externalId = `${locked.id}:${input.clientMessageId}`;
  if (!(await claimInbound(db, tx, portal.key, externalId, now))) {
    const earlier = await earlierInbound(db, tx, portal.key, externalId);
    if (earlier) return earlier;
    throw new Error(`portal message ${externalId} was claimed without a message`);
  }
  const reopened = await reopen(db, tx, locked);
  const message = await appendInbound(
    db,
    tx,
    portal,
    reopened,
    {
      from: { externalId: `request:${thread.requestRecordId}` },
      externalMessageId: externalId,
      message: { text: input.text, parts: [], attachments: [] },
      files: [],
    },
    now,
  );
  await pushMessage(hub, db, tx, reopened, message);
  return message;
}

/** A closed thread the client writes into is open again and back in the queue. */
async function reopen(db: Database, tx: Em, thread: ConversationView): Promise<ConversationView> {
  if (thread.status === 'open') return thread;
  const [row] = await db.query<Record<string, unknown>>(
    `update conversation set status = 'open', handler = 'queue', closed_at = null, resolved_at = null
      where id = ? returning *`,
    [thread.id],
    tx,
  );
  return row ? conversationView(row) : thread;
}
