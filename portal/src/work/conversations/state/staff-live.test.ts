import { describe, expect, it } from 'vitest';
import { parseStaffEvent } from './staff-live';
import { titleWithUnread } from './unread-store';

describe('the staff socket’s conversation events', () => {
  it('takes messages, conversation changes and request saves and ignores everything else', () => {
    const message = { id: 'm1', conversationId: 'c1', seq: 1 };
    expect(parseStaffEvent(JSON.stringify({ type: 'message', message }))).toEqual({
      type: 'message',
      message,
      partial: false,
    });
    expect(parseStaffEvent(JSON.stringify({ type: 'message', message, partial: true }))).toMatchObject({
      partial: true,
    });
    expect(parseStaffEvent(JSON.stringify({ type: 'conversation', conversation: { id: 'c1' } }))).toEqual({
      type: 'conversation',
      conversation: { id: 'c1' },
    });
    expect(parseStaffEvent(JSON.stringify({ type: 'request', id: 'r1' }))).toEqual({ type: 'request' });
    expect(parseStaffEvent(JSON.stringify({ type: 'board' }))).toBeNull();
    expect(parseStaffEvent(JSON.stringify({ type: 'message', message: null }))).toBeNull();
    expect(parseStaffEvent('{not json')).toBeNull();
    expect(parseStaffEvent(42)).toBeNull();
  });

  it('puts the unread count in front of the tab title', () => {
    expect(titleWithUnread('Диалоги', 0)).toBe('Диалоги');
    expect(titleWithUnread('Диалоги', 3)).toBe('(3) Диалоги');
    expect(titleWithUnread('Диалоги', 100)).toBe('(99+) Диалоги');
  });
});
