import { describe, expect, it } from 'vitest';
import { SendPacing } from './send-pacing.js';

describe('Telegram send pacing', () => {
  it('spaces messages to one chat a second apart', () => {
    const pacing = new SendPacing(() => 0);
    expect([pacing.turn('42'), pacing.turn('42'), pacing.turn('42')]).toEqual([0, 1000, 2000]);
    expect(pacing.turn('43')).toBe(0);
  });

  it('lets at most thirty messages a second go for the whole bot', () => {
    const pacing = new SendPacing(() => 0);
    const waits = Array.from({ length: 61 }, (_, i) => pacing.turn(`chat-${i}`));
    expect(waits.filter((w) => w === 0)).toHaveLength(30);
    expect(waits.filter((w) => w === 1000)).toHaveLength(30);
    expect(waits[60]).toBe(2000);
  });

  it('frees the slots as time passes', () => {
    let now = 0;
    const pacing = new SendPacing(() => now);
    for (let i = 0; i < 30; i++) pacing.turn(`chat-${i}`);
    now = 1001;
    expect(pacing.turn('chat-new')).toBe(0);
    expect(pacing.turn('chat-0')).toBe(0);
  });
});
