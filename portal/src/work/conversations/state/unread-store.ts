import { client } from '../../../lib/api';
import { createStore } from '../../../lib/store';

/** Open conversations with client messages the operator has not read (the server stops counting past 99). */
export const unreadStore = createStore<number>(0);

let timer: ReturnType<typeof setTimeout> | null = null;

/** Asks the server again, once for a burst of changes (a flood of messages is one request, not one each). */
export function refreshUnread(delayMs = 300): void {
  if (timer !== null) return;
  timer = setTimeout(() => {
    timer = null;
    client.conversations.unread().then(
      ({ count }) => unreadStore.set(count),
      // A failed count keeps the last one; the next change asks again.
      () => undefined,
    );
  }, delayMs);
}

/** The browser tab's title with the count in front: «(3) Диалоги». */
export function titleWithUnread(title: string, count: number): string {
  if (count <= 0) return title;
  return `(${count > 99 ? '99+' : count}) ${title}`;
}
