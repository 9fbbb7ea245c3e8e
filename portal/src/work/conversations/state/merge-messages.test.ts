import type { MessageView } from '@opora/sdk';
import { describe, expect, it } from 'vitest';
import { mergeMessages } from './merge-messages';

const message = (seq: number, delivery: MessageView['delivery'] = null): MessageView => ({
  id: `m${seq}`,
  conversationId: 'c1',
  seq,
  direction: delivery ? 'out' : 'in',
  authorKind: delivery ? 'operator' : 'client',
  authorUserId: null,
  internal: false,
  text: `text ${seq}`,
  parts: [],
  attachments: [],
  clientMessageId: null,
  externalId: null,
  delivery,
  createdAt: '2026-12-03T05:00:00.000Z',
});

describe('merging messages into a history', () => {
  it('keeps the history ordered by seq and holds each message once', () => {
    const merged = mergeMessages([message(2), message(5)], [message(1), message(5), message(3)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 5]);
  });

  it('moves a delivery state on, never back, when pushes arrive out of order', () => {
    expect(mergeMessages([message(1, 'sent')], [message(1, 'read')])[0]!.delivery).toBe('read');
    expect(mergeMessages([message(1, 'read')], [message(1, 'delivered')])[0]!.delivery).toBe('read');
    expect(mergeMessages([message(1, 'sent')], [message(1, 'failed')])[0]!.delivery).toBe('sent');
    // A failed message sent again starts over.
    expect(mergeMessages([message(1, 'failed')], [message(1, 'queued')])[0]!.delivery).toBe('queued');
  });
});
