import type { ConversationListItem, MessageView } from '@opora/sdk';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyListConversation, applyListMessage, listStore, markListRead } from './list-store';

vi.mock('./unread-store', () => ({ refreshUnread: () => undefined }));

const message = (conversationId: string, seq: number, patch: Partial<MessageView> = {}): MessageView => ({
  id: `${conversationId}-${seq}`,
  conversationId,
  seq,
  direction: 'in',
  authorKind: 'client',
  authorUserId: null,
  internal: false,
  text: `text ${seq}`,
  parts: [],
  attachments: [],
  clientMessageId: null,
  externalId: null,
  delivery: null,
  createdAt: `2026-12-03T05:00:0${seq % 10}.000Z`,
  ...patch,
});

const row = (id: string, lastSeq: number): ConversationListItem => ({
  id,
  channel: 'telegram',
  channelKey: 'bot',
  lineKey: null,
  contactId: `contact-${id}`,
  clientRecordId: null,
  requestRecordId: null,
  subject: null,
  status: 'open',
  handler: 'queue',
  operatorId: null,
  messageCount: lastSeq,
  openedAt: '2026-12-03T04:00:00.000Z',
  lastMessageAt: '2026-12-03T04:00:00.000Z',
  firstResponseAt: null,
  resolvedAt: null,
  closedAt: null,
  contact: { id: `contact-${id}`, channel: 'telegram', displayName: id, email: null, phone: null },
  lastMessage: message(id, lastSeq),
  lastReadSeq: lastSeq,
  unread: 0,
});

const ids = () => listStore.get().items.map((item) => item.id);
const item = (id: string) => listStore.get().items.find((i) => i.id === id)!;

describe('the «Диалоги» list under live pushes', () => {
  beforeEach(() => {
    listStore.set((s) => ({ ...s, filter: 'open', items: [row('a', 3), row('b', 7)], loaded: true }));
  });

  it('moves a conversation with a new client message to the top, unread', () => {
    applyListMessage(message('b', 8, { text: 'Алло?' }), null);
    expect(ids()).toEqual(['b', 'a']);
    expect(item('b')).toMatchObject({ unread: 1, messageCount: 8, lastMessage: { text: 'Алло?' } });
  });

  it('does not mark unread what the operator is reading, nor their own answers', () => {
    applyListMessage(message('b', 8), 'b');
    applyListMessage(message('a', 4, { direction: 'out', authorKind: 'operator', delivery: 'queued' }), null);
    expect(item('b').unread).toBe(0);
    expect(item('a').unread).toBe(0);
    expect(ids()).toEqual(['a', 'b']);
  });

  it('updates the delivery of the last message in place, and ignores older messages', () => {
    applyListMessage(message('a', 4, { direction: 'out', delivery: 'queued' }), null);
    applyListMessage(message('b', 8), null);
    applyListMessage(message('a', 4, { direction: 'out', delivery: 'sent' }), null);
    expect(ids()).toEqual(['b', 'a']);
    expect(item('a').lastMessage?.delivery).toBe('sent');
    applyListMessage(message('a', 2, { text: 'старое' }), null);
    expect(item('a').lastMessage?.seq).toBe(4);
  });

  it('clears the unread marker once read and drops a closed conversation from the open list', () => {
    applyListMessage(message('b', 8), null);
    markListRead('b', 8);
    expect(item('b')).toMatchObject({ unread: 0, lastReadSeq: 8 });
    applyListConversation({ ...row('a', 3), status: 'closed' });
    expect(ids()).toEqual(['b']);
  });
});
