import type { JobQueue } from '../../adapters/job-queue/index.js';
import type { LiveHub } from '../../adapters/live-hub/live-hub.js';
import type { Database, Em } from '../../db/database.js';
import type { Actor } from '../auth/actor.js';
import { sentByAdapter } from '../conversations/channel-directory.js';
import { pushMessage } from '../conversations/conversation-push.js';
import type { ConversationView, MessageView } from '../conversations/conversation-types.js';
import { appendOutbound } from '../conversations/outbound.js';
import { type SendJobPayload, sendJobKey, sendJobName } from '../conversations/send-job.js';

export interface ReplyDeps {
  db: Database;
  jobs: JobQueue;
  hub: LiveHub;
}

/**
 * A message from the system to the client (out of hours, queue full) or, `internal`, a note for operators
 * (a transfer's note), written in the caller's transaction: delivered through the channel once tx commits.
 */
export async function systemMessage(
  deps: ReplyDeps,
  tx: Em,
  conversation: ConversationView,
  text: string,
  now: Date,
  options: { internal?: boolean; authorKind?: 'system' | 'operator'; actor?: Actor | null } = {},
): Promise<MessageView> {
  const { db, jobs, hub } = deps;
  const internal = options.internal === true;
  const { message } = await appendOutbound(
    db,
    tx,
    conversation,
    { authorKind: options.authorKind ?? 'system', message: { text, parts: [], attachments: [] }, internal },
    options.actor ?? null,
    now,
  );
  await pushMessage(hub, db, tx, conversation, message);
  if (!internal && sentByAdapter(conversation.channel))
    await jobs.enqueue(
      sendJobName,
      { messageId: message.id } satisfies SendJobPayload,
      { idempotencyKey: sendJobKey(message.id), maxAttempts: 10 },
      tx,
    );
  return message;
}
