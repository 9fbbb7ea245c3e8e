import type { MessageView } from '@opora/sdk';
import { listStore } from '../../work/conversations/state/list-store';
import { isCached, threadStoreFor } from '../../work/conversations/state/thread-store';

/**
 * Whether a live message is a client's message not seen before — not an update of one already shown (delivery,
 * an attachment's scan) and not the operator's own. Asked before the stores take the message in.
 */
export function isNewClientMessage(message: MessageView): boolean {
  if (message.direction !== 'in' || message.internal) return false;
  const id = message.conversationId;
  if (isCached(id)) {
    const { conversation, messages } = threadStoreFor(id).get();
    if (conversation) return !messages.some((known) => known.id === message.id);
  }
  const row = listStore.get().items.find((item) => item.id === id);
  return !row?.lastMessage || message.seq > row.lastMessage.seq;
}
