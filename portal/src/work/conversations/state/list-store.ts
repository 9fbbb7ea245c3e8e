import type { ConversationListItem, ConversationView, MessageView } from '@opora/sdk';
import { client } from '../../../lib/api';
import { createStore } from '../../../lib/store';
import { refreshUnread } from './unread-store';

/** «На мне», «На команде», all open («Все») or closed dialogs. */
export type StatusFilter = 'mine' | 'team' | 'open' | 'closed';

const isQueue = (filter: StatusFilter): filter is 'mine' | 'team' => filter === 'mine' || filter === 'team';

function readPage(filter: StatusFilter, query: { limit: number; offset?: number }) {
  return isQueue(filter)
    ? client.distribution.queue(filter, query)
    : client.conversations.list({ status: filter, ...query });
}

export interface ListState {
  filter: StatusFilter;
  items: ConversationListItem[];
  hasMore: boolean;
  /** The first answer for the current filter is in. */
  loaded: boolean;
  loadingMore: boolean;
  error: unknown;
}

export const pageSize = 30;

/** The «Диалоги» list, kept outside components so live pushes update it whether or not a row is on screen. */
export const listStore = createStore<ListState>({
  filter: 'open',
  items: [],
  hasMore: false,
  loaded: false,
  loadingMore: false,
  error: null,
});

let round = 0;

/** (Re)reads the list from the top, as many rows as are shown (a reload after a reconnect keeps the scroll). */
export async function loadList(filter: StatusFilter = listStore.get().filter): Promise<void> {
  const mine = ++round;
  const sameFilter = filter === listStore.get().filter;
  const limit = sameFilter ? Math.min(100, Math.max(pageSize, listStore.get().items.length)) : pageSize;
  listStore.set((s) =>
    sameFilter ? { ...s, error: null } : { ...s, filter, items: [], loaded: false, error: null },
  );
  try {
    const page = await readPage(filter, { limit });
    if (mine !== round) return;
    listStore.set((s) => ({ ...s, items: page.items, hasMore: page.hasMore, loaded: true }));
  } catch (error) {
    if (mine === round) listStore.set((s) => ({ ...s, error, loaded: true }));
  }
}

/** «Показать ещё»: the next page; rows that moved up meanwhile (live) are not shown twice. */
export async function loadMore(): Promise<void> {
  const state = listStore.get();
  if (state.loadingMore || !state.hasMore) return;
  const mine = round;
  listStore.set((s) => ({ ...s, loadingMore: true }));
  try {
    const page = await readPage(state.filter, { limit: pageSize, offset: state.items.length });
    if (mine !== round) return;
    listStore.set((s) => {
      const known = new Set(s.items.map((item) => item.id));
      const fresh = page.items.filter((item) => !known.has(item.id));
      return { ...s, items: [...s.items, ...fresh], hasMore: page.hasMore, loadingMore: false };
    });
  } catch (error) {
    listStore.set((s) => ({ ...s, error, loadingMore: false }));
  }
}

/**
 * A message arrived or changed (live). A known row gets it as its last message and, when it is new, moves to the
 * top (unread once more if the client wrote). A message of a row not in the list is most likely a new
 * conversation: the list is read again.
 */
export function applyListMessage(message: MessageView, readingNow: string | null): void {
  const { items, filter } = listStore.get();
  const item = items.find((row) => row.id === message.conversationId);
  if (!item) {
    if (filter !== 'closed') void loadList();
    refreshUnread();
    return;
  }
  const lastSeq = item.lastMessage?.seq ?? 0;
  const isNew = message.seq > lastSeq;
  if (!isNew && message.seq !== lastSeq) return;
  const unseen =
    isNew && message.direction === 'in' && readingNow !== item.id && message.seq > item.lastReadSeq;
  const updated: ConversationListItem = {
    ...item,
    lastMessage: message.seq === lastSeq && item.lastMessage ? { ...item.lastMessage, ...message } : message,
    lastMessageAt: isNew ? message.createdAt : item.lastMessageAt,
    messageCount: isNew ? item.messageCount + 1 : item.messageCount,
    unread: unseen ? item.unread + 1 : item.unread,
  };
  listStore.set((s) => ({
    ...s,
    items: isNew
      ? [updated, ...s.items.filter((row) => row.id !== item.id)]
      : s.items.map((row) => (row.id === item.id ? updated : row)),
  }));
  if (unseen) refreshUnread();
}

/** A conversation was closed, reopened or otherwise changed: its row follows, or leaves the filtered list. */
export function applyListConversation(conversation: ConversationView): void {
  const { filter, items } = listStore.get();
  const known = items.some((row) => row.id === conversation.id);
  if (isQueue(filter)) {
    // Who holds a dialog decides whether it is «На мне» or «На команде»: the list is read again.
    void loadList();
  } else if (conversation.status !== filter) {
    if (known) listStore.set((s) => ({ ...s, items: s.items.filter((row) => row.id !== conversation.id) }));
  } else if (known) {
    listStore.set((s) => ({
      ...s,
      items: s.items.map((row) => (row.id === conversation.id ? { ...row, ...conversation } : row)),
    }));
  } else void loadList();
  refreshUnread();
}

/** The operator has seen a conversation up to `seq`: its unread marker goes. */
export function markListRead(conversationId: string, seq: number): void {
  listStore.set((s) => ({
    ...s,
    items: s.items.map((row) =>
      row.id === conversationId ? { ...row, unread: 0, lastReadSeq: Math.max(row.lastReadSeq, seq) } : row,
    ),
  }));
}
