import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const calls: [string, boolean][] = [];
let status = 'online';
vi.mock('./operator-store', () => ({
  operatorStore: { get: () => ({ profile: { status } }) },
  setStatus: async (next: string, auto: boolean) => {
    calls.push([next, auto]);
    status = next;
  },
}));

const { idleAfterMs, watchIdle } = await import('./idle-watch');

describe('the idle watch', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    calls.length = 0;
    status = 'online';
  });
  afterEach(() => vi.useRealTimers());

  it('reports an idle online operator away, and back online at the next activity', () => {
    const target = new EventTarget();
    const stop = watchIdle(target as unknown as Window);
    vi.advanceTimersByTime(idleAfterMs - 1000);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(idleAfterMs - 1000);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(2000);
    expect(calls).toEqual([['away', true]]);
    target.dispatchEvent(new Event('pointermove'));
    expect(calls).toEqual([
      ['away', true],
      ['online', true],
    ]);
    stop();
  });

  it('leaves an operator who is not online alone', () => {
    status = 'offline';
    const target = new EventTarget();
    const stop = watchIdle(target as unknown as Window);
    vi.advanceTimersByTime(idleAfterMs * 2);
    target.dispatchEvent(new Event('keydown'));
    expect(calls).toEqual([]);
    stop();
  });
});
