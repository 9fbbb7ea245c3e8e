import type { LiveMessage } from '@opora/sdk';
import { reconnectDelay } from './backoff';

/** The part of a WebSocket the connection uses, so tests can hand in a fake one. */
export interface SocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  close(): void;
}

export interface LiveOptions {
  url: string;
  onMessage(message: LiveMessage): void;
  /** The connection is back after a break: anything may have changed meanwhile. */
  onReconnect(): void;
  /** The first connection is open: what happened between a screen's first read and now was not heard. */
  onFirstOpen?(): void;
  open?: (url: string) => SocketLike;
  random?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * A live connection that keeps itself up: when it drops it reconnects after a growing, randomised wait (reset
 * once a connection opens), until closed. Messages that are not JSON of a known type are ignored.
 */
export function openLive(options: LiveOptions): { close(): void } {
  const open = options.open ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let socket: SocketLike | null = null;
  let timer: unknown = null;
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
      else options.onFirstOpen?.();
      everOpened = true;
    };
    s.onmessage = (event) => {
      const message = parseMessage(event.data);
      if (message) options.onMessage(message);
    };
    s.onerror = () => undefined;
    s.onclose = () => {
      if (closed || socket !== s) return;
      socket = null;
      timer = setTimer(connect, reconnectDelay(attempt++, options.random));
    };
  };
  connect();
  return {
    close() {
      closed = true;
      if (timer !== null) clearTimer(timer);
      const s = socket;
      socket = null;
      s?.close();
    },
  };
}

export function parseMessage(data: unknown): LiveMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const value = JSON.parse(data) as {
      type?: unknown;
      id?: unknown;
      notification?: unknown;
      message?: { conversationId?: unknown };
      conversation?: { id?: unknown };
    };
    if (value.type === 'request' && typeof value.id === 'string') return { type: 'request', id: value.id };
    if (
      value.type === 'notification' &&
      typeof value.notification === 'object' &&
      value.notification !== null
    )
      return value as LiveMessage;
    // A message of one of the client's conversations (a request's thread): the thread reads it again.
    if (value.type === 'message' && typeof value.message?.conversationId === 'string')
      return value as LiveMessage;
    // A conversation's status or handler changed (staff screens).
    if (value.type === 'conversation' && typeof value.conversation?.id === 'string')
      return value as LiveMessage;
    // Something on the supervisor's board changed (an operator's status).
    if (value.type === 'board') return { type: 'board' };
    // The staff member's task inbox changed: the inbox and its badge read themselves again.
    if (value.type === 'tasks.changed') return { type: 'tasks.changed' };
    return null;
  } catch {
    return null;
  }
}
