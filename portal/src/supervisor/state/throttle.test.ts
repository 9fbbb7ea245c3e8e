import { describe, expect, it } from 'vitest';
import { throttle } from './throttle';

/** A clock and timers the test moves by hand. */
function fakeTimers() {
  let now = 0;
  const queue: { at: number; fn: () => void }[] = [];
  return {
    timers: {
      now: () => now,
      setTimeout: (fn: () => void, ms: number) => {
        const timer = { at: now + ms, fn };
        queue.push(timer);
        return timer;
      },
      clearTimeout: (timer: unknown) => {
        queue.splice(queue.indexOf(timer as never), 1);
      },
    },
    advance(ms: number) {
      now += ms;
      for (const timer of queue.filter((t) => t.at <= now)) {
        queue.splice(queue.indexOf(timer), 1);
        timer.fn();
      }
    },
  };
}

describe('throttle', () => {
  it('runs at once, then at most once a second, and never drops the last call', () => {
    const clock = fakeTimers();
    let runs = 0;
    const t = throttle(() => runs++, 1000, clock.timers);
    t.call();
    expect(runs).toBe(1);
    for (let i = 0; i < 10; i++) t.call();
    expect(runs).toBe(1);
    clock.advance(999);
    expect(runs).toBe(1);
    clock.advance(1);
    expect(runs).toBe(2);
    clock.advance(5000);
    expect(runs).toBe(2);
    t.call();
    expect(runs).toBe(3);
  });

  it('works with the real timers, called the way a browser allows', async () => {
    let runs = 0;
    const t = throttle(() => runs++, 20);
    t.call();
    t.call();
    expect(runs).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(runs).toBe(2);
  });

  it('forgets a waiting call when cancelled', () => {
    const clock = fakeTimers();
    let runs = 0;
    const t = throttle(() => runs++, 1000, clock.timers);
    t.call();
    t.call();
    t.cancel();
    clock.advance(2000);
    expect(runs).toBe(1);
  });
});
