import type { LiveMessage } from '@opora/sdk';
import { describe, expect, it } from 'vitest';
import { openLive, parseMessage, type SocketLike } from './live-connection';

class FakeSocket implements SocketLike {
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  closed = false;
  close() {
    this.closed = true;
    this.onclose?.({});
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  const messages: LiveMessage[] = [];
  let reconnects = 0;
  let firstOpens = 0;
  const live = openLive({
    url: 'ws://x/api/v1/portal/live',
    onMessage: (m) => messages.push(m),
    onReconnect: () => reconnects++,
    onFirstOpen: () => firstOpens++,
    open: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    random: () => 1,
    setTimer: (run, ms) => timers.push({ run, ms }),
    clearTimer: () => undefined,
  });
  return { live, sockets, timers, messages, reconnects: () => reconnects, firstOpens: () => firstOpens };
}

describe('live connection', () => {
  it('says when it first opens, once, and a board signal passes on', () => {
    const h = harness();
    h.sockets[0]!.onopen?.({});
    h.sockets[0]!.onmessage?.({ data: JSON.stringify({ type: 'board' }) });
    h.sockets[0]!.onclose?.({});
    h.timers[0]!.run();
    h.sockets[1]!.onopen?.({});
    expect([h.firstOpens(), h.reconnects()]).toEqual([1, 1]);
    expect(h.messages).toEqual([{ type: 'board' }]);
  });

  it('passes known messages on and ignores the rest', () => {
    const h = harness();
    const s = h.sockets[0]!;
    s.onopen?.({});
    s.onmessage?.({ data: JSON.stringify({ type: 'request', id: 'r1' }) });
    s.onmessage?.({ data: 'not json' });
    s.onmessage?.({ data: JSON.stringify({ type: 'other' }) });
    const message = { type: 'message', message: { id: 'm1', conversationId: 'c1', text: 'Ответ' } };
    s.onmessage?.({ data: JSON.stringify(message) });
    s.onmessage?.({ data: JSON.stringify({ type: 'message', message: 'garbage' }) });
    s.onmessage?.({ data: JSON.stringify({ type: 'tasks.changed', extra: 'dropped' }) });
    expect(h.messages).toEqual([{ type: 'request', id: 'r1' }, message, { type: 'tasks.changed' }]);
  });

  it('reconnects with growing waits, resets them once connected, and says it came back', () => {
    const h = harness();
    h.sockets[0]!.onopen?.({});
    h.sockets[0]!.onclose?.({});
    expect(h.timers.map((t) => t.ms)).toEqual([1000]);
    h.timers[0]!.run();
    h.sockets[1]!.onclose?.({});
    h.timers[1]!.run();
    expect(h.timers.map((t) => t.ms)).toEqual([1000, 2000]);
    h.sockets[2]!.onopen?.({});
    expect(h.reconnects()).toBe(1);
    h.sockets[2]!.onclose?.({});
    expect(h.timers[2]!.ms).toBe(1000);
  });

  it('stays closed once closed', () => {
    const h = harness();
    h.live.close();
    expect(h.sockets[0]!.closed).toBe(true);
    expect(h.timers).toEqual([]);
  });

  it('reads notification messages', () => {
    const notification = { id: 'n', title: 'T', text: '', link: null, readAt: null, createdAt: '' };
    expect(parseMessage(JSON.stringify({ type: 'notification', notification }))).toEqual({
      type: 'notification',
      notification,
    });
    expect(parseMessage(42)).toBeNull();
  });
});
