import type { AttachmentRef } from '@opora/runtime/conversations';
import type { ContactSummary, ConversationView, MessageView } from '@opora/sdk';
import { client } from '../../../lib/api';
import { createStore, type Store } from '../../../lib/store';
import { markListRead } from './list-store';
import { mergeMessages } from './merge-messages';
import { refreshUnread } from './unread-store';

/** An answer on its way: shown at once, replaced by the stored message when the server (or the socket) has it. */
export interface PendingAnswer {
  clientMessageId: string;
  text: string;
  internal: boolean;
  failed: boolean;
  /** Files uploaded for it (see the composer's attachments). */
  attachments: AttachmentRef[];
}

export interface ThreadState {
  id: string | null;
  conversation: ConversationView | null;
  contact: ContactSummary | null;
  /** Stored messages, oldest first. */
  messages: MessageView[];
  pending: PendingAnswer[];
  hasEarlier: boolean;
  loadingEarlier: boolean;
  error: unknown;
}

export const historyPage = 50;
/** Dialogs kept in memory at most: the open tabs and a few just closed; the oldest go first. */
export const cachedThreads = 24;
const latest = Number.MAX_SAFE_INTEGER;
/** A dialog with nothing loaded yet (also what a screen outside any dialog reads). */
export const emptyThread: ThreadState = {
  id: null,
  conversation: null,
  contact: null,
  messages: [],
  pending: [],
  hasEarlier: false,
  loadingEarlier: false,
  error: null,
};

/**
 * One store per dialog, kept while it is open in a tab: switching back to a tab shows what is here at once (no
 * request), and live events keep every cached dialog current whether or not it is on screen.
 */
const threads = new Map<string, Store<ThreadState>>();

/** The last message each dialog was marked read up to, from this window. */
const markedSeq = new Map<string, number>();

/** The dialog the operator is reading (the window's active tab), whose new messages count as seen. */
export const readingStore = createStore<string | null>(null);

/** The store of one dialog, made (empty) on first use. */
export function threadStoreFor(id: string): Store<ThreadState> {
  let store = threads.get(id);
  if (store) {
    // Most recently used last, so eviction takes the oldest.
    threads.delete(id);
    threads.set(id, store);
    return store;
  }
  store = createStore<ThreadState>({ ...emptyThread, id });
  threads.set(id, store);
  for (const old of threads.keys()) {
    if (threads.size <= cachedThreads) break;
    if (old !== id && old !== readingStore.get()) threads.delete(old);
  }
  return store;
}

/** Forgets a dialog (its tab was closed): a later open reads it afresh. */
export function dropThread(id: string): void {
  threads.delete(id);
  markedSeq.delete(id);
}

export function isCached(id: string): boolean {
  return threads.has(id);
}

const live = (id: string) => threads.get(id);

/**
 * Opens a dialog: its latest messages, read once; a dialog already cached is shown as it is (the socket kept it
 * current) unless `refresh` asks to read it again (after a reconnect).
 */
export async function openThread(id: string, refresh = false): Promise<void> {
  const store = threadStoreFor(id);
  if (store.get().conversation && !refresh) return markSeen(id);
  try {
    const page = await client.conversations.messages(id, { beforeSeq: latest, limit: historyPage });
    if (live(id) !== store) return;
    store.set((s) => ({
      ...s,
      conversation: page.conversation,
      contact: page.contact,
      messages: mergeMessages(s.messages, page.messages),
      hasEarlier: s.messages.length === 0 ? page.messages.length === historyPage : s.hasEarlier,
      error: null,
    }));
    markSeen(id);
  } catch (error) {
    if (live(id) === store) store.set((s) => ({ ...s, error }));
  }
}

/** The page before the first message shown (the operator scrolled to the top). */
export async function loadEarlier(id: string): Promise<void> {
  const store = live(id);
  if (!store) return;
  const { messages, hasEarlier, loadingEarlier } = store.get();
  const first = messages[0];
  if (!first || !hasEarlier || loadingEarlier) return;
  store.set((s) => ({ ...s, loadingEarlier: true }));
  try {
    const page = await client.conversations.messages(id, { beforeSeq: first.seq, limit: historyPage });
    store.set((s) => ({
      ...s,
      messages: mergeMessages(s.messages, page.messages),
      hasEarlier: page.messages.length === historyPage,
      loadingEarlier: false,
    }));
  } catch (error) {
    store.set((s) => ({ ...s, loadingEarlier: false, error }));
  }
}

/** Sends an answer or an internal note; the id it carries makes a retry after a lost answer store it once. */
export function sendAnswer(
  id: string,
  text: string,
  internal: boolean,
  attachments: AttachmentRef[] = [],
): void {
  const store = threadStoreFor(id);
  const pending = { clientMessageId: newMessageId(), text, internal, failed: false, attachments };
  store.set((s) => ({ ...s, pending: [...s.pending, pending] }));
  void deliver(id, store, pending);
}

/** Sends a failed answer again, with the same id. */
export function retryAnswer(id: string, clientMessageId: string): void {
  const store = live(id);
  const pending = store?.get().pending.find((p) => p.clientMessageId === clientMessageId);
  if (!store || !pending) return;
  setPending(store, clientMessageId, false);
  void deliver(id, store, pending);
}

async function deliver(id: string, store: Store<ThreadState>, pending: PendingAnswer): Promise<void> {
  try {
    const message = await client.conversations.answer(id, {
      ...(pending.text.trim() ? { text: pending.text } : {}),
      internal: pending.internal,
      clientMessageId: pending.clientMessageId,
      ...(pending.attachments.length ? { attachments: pending.attachments } : {}),
    });
    acceptMessage(store, message);
  } catch {
    setPending(store, pending.clientMessageId, true);
  }
}

function setPending(store: Store<ThreadState>, clientMessageId: string, failed: boolean): void {
  store.set((s) => ({
    ...s,
    pending: s.pending.map((p) => (p.clientMessageId === clientMessageId ? { ...p, failed } : p)),
  }));
}

/** A stored message (from an answer or the socket) takes the place of its pending copy. */
function acceptMessage(store: Store<ThreadState>, message: MessageView): void {
  store.set((s) => ({
    ...s,
    messages: mergeMessages(s.messages, [message]),
    pending: s.pending.filter((p) => p.clientMessageId !== message.clientMessageId),
  }));
}

/** A live message: added or updated in its dialog's store if cached; a partial one is read whole from the server. */
export async function applyThreadMessage(message: MessageView, partial: boolean): Promise<void> {
  const id = message.conversationId;
  const store = live(id);
  if (!store?.get().conversation) return;
  if (!partial) acceptMessage(store, message);
  else {
    const page = await client.conversations.messages(id, { afterSeq: message.seq - 1, limit: 1 });
    acceptMessage(store, page.messages[0] ?? message);
  }
  markSeen(id);
}

export function applyThreadConversation(conversation: ConversationView): void {
  live(conversation.id)?.set((s) => ({ ...s, conversation }));
}

/** Closes or reopens a dialog. */
export async function setThreadStatus(id: string, status: 'open' | 'closed'): Promise<void> {
  const conversation = await (status === 'closed'
    ? client.conversations.close(id)
    : client.conversations.reopen(id));
  applyThreadConversation(conversation);
}

/**
 * Tells the server (and the list) that the operator has seen everything shown — only for the dialog being read,
 * while the browser tab is visible.
 */
function markSeen(id: string): void {
  const last = live(id)?.get().messages.at(-1);
  if (readingStore.get() !== id || !last) return;
  if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
  // Switching back to a tab with nothing new asks nothing of the server.
  if ((markedSeq.get(id) ?? 0) >= last.seq) return;
  markedSeq.set(id, last.seq);
  markListRead(id, last.seq);
  client.conversations.markRead(id, last.seq).then(
    () => refreshUnread(),
    () => undefined,
  );
}

/** The operator now reads this dialog (a tab became active) or none: what it shows counts as seen. */
export function setReading(id: string | null): void {
  readingStore.set(id);
  if (id) markSeen(id);
}

/** When the tab comes back into view, what arrived meanwhile counts as seen. */
export function markSeenOnReturn(): void {
  const id = readingStore.get();
  if (id) markSeen(id);
}

function newMessageId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `m-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** After a break in the live connection every cached dialog is read again: anything may have come meanwhile. */
export function refreshCachedThreads(): void {
  for (const [id, store] of threads) if (store.get().conversation) void openThread(id, true);
}
