import type { MessageView } from '@opora/sdk';

/**
 * Merges messages into a history ordered by `seq`: a message already there (by id) is replaced — a delivery
 * state moving on arrives as the same message again — except that a state never moves back when pushes arrive
 * out of order.
 */
export function mergeMessages(
  current: readonly MessageView[],
  incoming: readonly MessageView[],
): MessageView[] {
  const byId = new Map(current.map((message) => [message.id, message]));
  for (const message of incoming) {
    const known = byId.get(message.id);
    byId.set(message.id, known ? newer(known, message) : message);
  }
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

const order = { queued: 0, failed: 1, sent: 2, delivered: 3, read: 4 } as const;

function newer(known: MessageView, next: MessageView): MessageView {
  if (!known.delivery || !next.delivery) return next;
  return order[next.delivery] >= order[known.delivery] || known.delivery === 'failed' ? next : known;
}
