import { dateOf } from '../../adapters/clock.js';
import type { Actor } from '../auth/actor.js';
import type { ConversationView } from '../conversations/conversation-types.js';
import { lockConversation } from '../conversations/outbound.js';
import { assignDialog } from '../distribution/assign-dialog.js';
import { type ActionDeps, refuseTaken } from '../distribution/dialog-actions.js';
import { refuse } from '../distribution/distribution-errors.js';
import { lockDistribution } from '../distribution/distribution-signal.js';

/**
 * A supervisor joins a dialog nobody leads — one the line's bot is talking with, or one waiting in the queue — and
 * leads it themselves: the bot pauses as for an operator who takes it (and can be handed the dialog back from the
 * operator window). Under the distribution lock, so a distribution pass cannot give it away at the same moment. A
 * supervisor's capacity does not stop them (they step in when nobody else can); a dialog an operator leads is
 * refused with the operator's name — the supervisor writes into that one or gives it to someone else. Joining
 * one's own dialog again changes nothing.
 */
export function joinDialog(
  deps: ActionDeps,
  conversationId: string,
  actor: Actor,
): Promise<ConversationView> {
  const { db } = deps;
  return db.transaction(async (tx) => {
    await lockDistribution(db, tx);
    const dialog = await lockConversation(db, tx, conversationId);
    if (dialog.status !== 'open') throw refuse.closed();
    if (dialog.handler === 'operator' && dialog.operatorId === actor.id) return dialog;
    if (dialog.handler === 'operator' && dialog.operatorId) await refuseTaken(db, tx, dialog.operatorId);
    const line = dialog.lineKey ? await deps.lines.get(dialog.lineKey, tx) : null;
    return assignDialog(deps, tx, {
      conversationId,
      operatorId: actor.id,
      line: line?.body ?? null,
      now: dateOf(deps.clock),
      offered: false,
      actor,
      reason: 'joined',
    });
  });
}
