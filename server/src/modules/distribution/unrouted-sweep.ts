import type { ConversationView } from '../conversations/conversation-types.js';
import { conversationView } from '../conversations/rows.js';
import { type RoutingDeps, routeDialogNow } from './after-dialog-opened.js';

/** Dialogs routed per transaction: the sweep never holds many rows locked at once. */
const batch = 100;

/**
 * Routes the open dialogs nobody holds that are in no queue — opened before lines existed, or while no process
 * routed them — by their client's first message, each keeping its place as of when it opened. Runs at start-up;
 * processes starting together skip each other's rows. Answers how many it routed.
 */
export async function routeUnqueuedDialogs(deps: RoutingDeps): Promise<number> {
  let routed = 0;
  for (;;) {
    const n = await deps.db.transaction(async (tx) => {
      const rows = await deps.db.query<Record<string, unknown> & { first_text: string | null }>(
        `select c.*, (select m.text from message m where m.conversation_id = c.id and m.direction = 'in'
                       order by m.seq limit 1) as first_text
           from conversation c
          where c.status = 'open' and c.handler = 'queue' and c.queued_at is null
          order by c.opened_at, c.id limit ? for update of c skip locked`,
        [batch],
        tx,
      );
      for (const row of rows) {
        const conversation: ConversationView = conversationView(row);
        await routeDialogNow(deps, tx, conversation, row.first_text ?? '', new Date(conversation.openedAt));
      }
      return rows.length;
    });
    routed += n;
    if (n < batch) return routed;
  }
}
