import type { ConversationView, LiveMessage, MessageView } from '@opora/sdk';
import { openLive, parseMessage, type SocketLike } from '../../../account/state/live-connection';

/** What the staff socket tells the conversation screens. */
export type StaffLiveEvent =
  | { type: 'message'; message: MessageView; partial: boolean }
  | { type: 'conversation'; conversation: ConversationView }
  /** A request was saved: the window's request queues and counters read themselves again. */
  | { type: 'request' };

export interface StaffLiveOptions {
  url: string;
  onEvent(event: StaffLiveEvent): void;
  /** The connection is back after a break: anything may have changed meanwhile. */
  onReconnect(): void;
  open?: (url: string) => SocketLike;
}

/**
 * The contact centre's live connection (`/api/v1/portal/live`, which puts staff sockets in the contact-centre
 * room): new messages, delivery changes and conversation changes, over the portal's self-reconnecting
 * connection; anything that is not a conversation event is ignored.
 */
export function openStaffLive(options: StaffLiveOptions): { close(): void } {
  return openLive({
    url: options.url,
    open: options.open,
    onReconnect: options.onReconnect,
    onMessage(message) {
      const event = staffEvent(message);
      if (event) options.onEvent(event);
    },
  });
}

/** The contact-centre event a live message carries, or null for other pushes. */
function staffEvent(message: LiveMessage): StaffLiveEvent | null {
  if (message.type === 'message')
    return { type: 'message', message: message.message, partial: message.partial === true };
  if (message.type === 'conversation') return { type: 'conversation', conversation: message.conversation };
  if (message.type === 'request') return { type: 'request' };
  return null;
}

/** A conversation event from a socket frame, or null for anything else (other pushes, broken JSON). */
export function parseStaffEvent(data: unknown): StaffLiveEvent | null {
  const message = parseMessage(data);
  return message ? staffEvent(message) : null;
}
