import type { LiveMessage } from '@opora/sdk';
import { liveAddress } from '../../adapters/live-hub/live-address.js';
import type { LiveHub } from '../../adapters/live-hub/live-hub.js';
import type { Database, Em } from '../../db/database.js';
import { audit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import { lockDistribution, requestDistribution } from '../distribution/distribution-signal.js';
import type { ConversationView } from './conversation-types.js';
import { lockConversation } from './outbound.js';
import { conversationView } from './rows.js';

export type ConversationStatus = ConversationView['status'];

/** A close or reopen, handed to listeners inside its transaction (CSAT asks the client when an operator closes). */
export interface StatusChange {
  before: ConversationView;
  after: ConversationView;
  actor: Actor | null;
  now: Date;
  /** Where links the client gets should point (the configured public address, else the caller's). */
  origin?: string;
}

export type StatusListener = (tx: Em, change: StatusChange) => Promise<void>;

/**
 * Closes or reopens a conversation. Closing stamps the resolution time (the SLA's raw data; a reopened and
 * closed-again conversation keeps its first resolution) and the closing time; reopening clears the closing time.
 * The change and its audit row commit together, and the staff screens hear of it live. Setting the status it
 * already has changes nothing and writes no audit row.
 */
export function setConversationStatus(
  deps: StatusDeps,
  conversationId: string,
  status: ConversationStatus,
  actor: Actor | null,
  now: Date,
): Promise<ConversationView> {
  return deps.db.transaction((tx) =>
    setConversationStatusWithin(deps, tx, conversationId, status, actor, now),
  );
}

export interface StatusDeps {
  db: Database;
  hub: LiveHub;
  /**
   * `app.conversations.statusListeners` wherever a dialog may close: besides CSAT's question, distribution's listener
   * fills the slot a close frees (nothing else wakes the queue for it).
   */
  listeners?: readonly StatusListener[];
  origin?: string;
}

/** {@link setConversationStatus} inside the caller's transaction. */
export async function setConversationStatusWithin(
  deps: StatusDeps,
  tx: Em,
  conversationId: string,
  status: ConversationStatus,
  actor: Actor | null,
  now: Date,
): Promise<ConversationView> {
  const { db, hub } = deps;
  // A close may free an operator's slot, which a listener fills in this transaction under the distribution lock;
  // taking that lock before the row's keeps the order every assignment takes (no deadlock with a transfer).
  if (status === 'closed') await lockDistribution(db, tx);
  const before = await lockConversation(db, tx, conversationId);
  if (before.status === status) return before;
  const [row] = await db.query<Record<string, unknown>>(
    status === 'closed'
      ? `update conversation set status = 'closed', resolved_at = coalesce(resolved_at, ?), closed_at = ?,
             last_closed_at = ?, queued_at = null, last_operator_id = coalesce(operator_id, last_operator_id)
            where id = ? returning *`
      : `update conversation set status = 'open', closed_at = null,
             queued_at = case when handler = 'queue' then ? else queued_at end where id = ? returning *`,
    status === 'closed' ? [now, now, now, conversationId] : [now, conversationId],
    tx,
  );
  const conversation = conversationView(row!);
  audit(tx, actor, {
    action: 'update',
    targetType: 'conversation',
    targetId: conversationId,
    before: { status: before.status },
    after: { status, resolvedAt: conversation.resolvedAt, closedAt: conversation.closedAt },
    at: now,
  });
  // A reopened waiting dialog joins the queue again (the slot a close frees is filled by distribution's listener).
  if (status === 'open') await requestDistribution(db, tx);
  const push: LiveMessage = { type: 'conversation', conversation };
  await hub.send(tx, [liveAddress.contactCentre, liveAddress.conversation(conversationId)], push);
  // After the status push, so screens hear of the close before what a listener sends (the rating question).
  for (const listener of deps.listeners ?? [])
    await listener(tx, {
      before,
      after: conversation,
      actor,
      now,
      ...(deps.origin ? { origin: deps.origin } : {}),
    });
  return conversation;
}
