import type { ConversationView, LiveMessage, MessageView } from '@opora/sdk';
import { reconnectDelay } from '../../../account/state/backoff';

/** What the staff socket tells the conversation screens. */
export type StaffLiveEvent =
  | { type: 'message'; message: MessageView; partial: boolean }
  | { type: 'conversation'; conversation: ConversationView };

export interface StaffLiveOptions {
  url: string;
  onEvent(event: StaffLiveEvent): void;
  /** The connection is back after a break: anything may have changed meanwhile. */
  onReconnect(): void;
  open?: (url: string) => WebSocketLike;
}

export interface WebSocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  close(): void;
}

/**
 * The contact centre's live connection (`/api/v1/portal/live`, which puts staff sockets in the contact-centre
 * room): new messages, delivery changes and conversation changes. It reconnects after a growing, randomised
 * wait until closed; anything that is not a conversation event is ignored.
 */
export function openStaffLive(options: StaffLiveOptions): { close(): void } {
  const open = options.open ?? ((url: string) => new WebSocket(url) as unknown as WebSocketLike);
  let socket: WebSocketLike | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  let everOpened = false;
  let closed = false;
  const connect = () => {
    timer = null;
    if (closed) return;
    const s = open(options.url);
    socket = s;
    s.onopen = () => {
      attempt = 0;
      if (everOpened) options.onReconnect();
      everOpened = true;
    };
    s.onmessage = (event) => {
      const parsed = parseStaffEvent(event.data);
      if (parsed) options.onEvent(parsed);
    };
    s.onclose = () => {
      if (closed || socket !== s) return;
      socket = null;
      timer = setTimeout(connect, reconnectDelay(attempt++));
    };
  };
  connect();
  return {
    close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      const s = socket;
      socket = null;
      s?.close();
    },
  };
}

/** A conversation event from a socket frame, or null for anything else (other pushes, broken JSON). */
export function parseStaffEvent(data: unknown): StaffLiveEvent | null {
  if (typeof data !== 'string') return null;
  let value: Partial<LiveMessage> & { partial?: unknown };
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (value.type === 'message' && isObject(value.message) && typeof value.message.conversationId === 'string')
    return { type: 'message', message: value.message, partial: value.partial === true };
  if (
    value.type === 'conversation' &&
    isObject(value.conversation) &&
    typeof value.conversation.id === 'string'
  )
    return { type: 'conversation', conversation: value.conversation };
  return null;
}

const isObject = <T>(value: T | undefined): value is T => typeof value === 'object' && value !== null;
