import type { AttachmentRef } from '@opora/runtime/conversations';
import type { ContactSummary, ConversationView, MessageView } from '@opora/sdk';
import { client } from '../../../lib/api';
import { createStore } from '../../../lib/store';
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
const latest = Number.MAX_SAFE_INTEGER;
const empty: ThreadState = {
  id: null,
  conversation: null,
  contact: null,
  messages: [],
  pending: [],
  hasEarlier: false,
  loadingEarlier: false,
  error: null,
};

/** The conversation open on screen. */
export const threadStore = createStore<ThreadState>(empty);

const current = (id: string) => threadStore.get().id === id;

/** Opens a conversation: its latest messages; earlier ones come with {@link loadEarlier}. */
export async function openThread(id: string): Promise<void> {
  if (!current(id)) threadStore.set({ ...empty, id });
  try {
    const page = await client.conversations.messages(id, { beforeSeq: latest, limit: historyPage });
    if (!current(id)) return;
    threadStore.set((s) => ({
      ...s,
      conversation: page.conversation,
      contact: page.contact,
      messages: mergeMessages(s.messages, page.messages),
      hasEarlier: s.messages.length === 0 ? page.messages.length === historyPage : s.hasEarlier,
      error: null,
    }));
    markSeen();
  } catch (error) {
    if (current(id)) threadStore.set((s) => ({ ...s, error }));
  }
}

export function closeThread(): void {
  threadStore.set(empty);
}

/** The page before the first message shown (the operator scrolled to the top). */
export async function loadEarlier(): Promise<void> {
  const { id, messages, hasEarlier, loadingEarlier } = threadStore.get();
  const first = messages[0];
  if (!id || !first || !hasEarlier || loadingEarlier) return;
  threadStore.set((s) => ({ ...s, loadingEarlier: true }));
  try {
    const page = await client.conversations.messages(id, { beforeSeq: first.seq, limit: historyPage });
    if (!current(id)) return;
    threadStore.set((s) => ({
      ...s,
      messages: mergeMessages(s.messages, page.messages),
      hasEarlier: page.messages.length === historyPage,
      loadingEarlier: false,
    }));
  } catch (error) {
    if (current(id)) threadStore.set((s) => ({ ...s, loadingEarlier: false, error }));
  }
}

/** Sends an answer or an internal note; the id it carries makes a retry after a lost answer store it once. */
export function sendAnswer(text: string, internal: boolean, attachments: AttachmentRef[] = []): void {
  const pending = { clientMessageId: newMessageId(), text, internal, failed: false, attachments };
  threadStore.set((s) => ({ ...s, pending: [...s.pending, pending] }));
  void deliver(pending);
}

/** Sends a failed answer again, with the same id. */
export function retryAnswer(clientMessageId: string): void {
  const pending = threadStore.get().pending.find((p) => p.clientMessageId === clientMessageId);
  if (!pending) return;
  setPending(clientMessageId, false);
  void deliver(pending);
}

async function deliver(pending: PendingAnswer): Promise<void> {
  const id = threadStore.get().id;
  if (!id) return;
  try {
    const message = await client.conversations.answer(id, {
      ...(pending.text.trim() ? { text: pending.text } : {}),
      internal: pending.internal,
      clientMessageId: pending.clientMessageId,
      ...(pending.attachments.length ? { attachments: pending.attachments } : {}),
    });
    if (current(id)) acceptMessage(message);
  } catch {
    if (current(id)) setPending(pending.clientMessageId, true);
  }
}

function setPending(clientMessageId: string, failed: boolean): void {
  threadStore.set((s) => ({
    ...s,
    pending: s.pending.map((p) => (p.clientMessageId === clientMessageId ? { ...p, failed } : p)),
  }));
}

/** A stored message (from an answer or the socket) takes the place of its pending copy. */
function acceptMessage(message: MessageView): void {
  threadStore.set((s) => ({
    ...s,
    messages: mergeMessages(s.messages, [message]),
    pending: s.pending.filter((p) => p.clientMessageId !== message.clientMessageId),
  }));
}

/** A live message: added or updated in the open conversation; a partial one is read whole from the server. */
export async function applyThreadMessage(message: MessageView, partial: boolean): Promise<void> {
  const id = threadStore.get().id;
  if (id !== message.conversationId) return;
  if (!partial) acceptMessage(message);
  else {
    const page = await client.conversations.messages(id, { afterSeq: message.seq - 1, limit: 1 });
    if (current(id)) acceptMessage(page.messages[0] ?? message);
  }
  markSeen();
}

export function applyThreadConversation(conversation: ConversationView): void {
  if (current(conversation.id)) threadStore.set((s) => ({ ...s, conversation }));
}

/** Closes or reopens the open conversation. */
export async function setThreadStatus(status: 'open' | 'closed'): Promise<void> {
  const id = threadStore.get().id;
  if (!id) return;
  const conversation = await (status === 'closed'
    ? client.conversations.close(id)
    : client.conversations.reopen(id));
  applyThreadConversation(conversation);
}

/** Tells the server (and the list) that the operator has seen everything shown, while the tab is visible. */
function markSeen(): void {
  const { id, messages } = threadStore.get();
  const last = messages.at(-1);
  if (!id || !last || (typeof document !== 'undefined' && document.visibilityState === 'hidden')) return;
  markListRead(id, last.seq);
  client.conversations.markRead(id, last.seq).then(
    () => refreshUnread(),
    () => undefined,
  );
}

/** When the tab comes back into view, what arrived meanwhile counts as seen. */
export function markSeenOnReturn(): void {
  markSeen();
}

function newMessageId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `m-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
