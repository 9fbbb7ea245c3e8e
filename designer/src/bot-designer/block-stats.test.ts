import type { BotStats } from '@opora/sdk';
import { describe, expect, it } from 'vitest';
import { blockStatsFor } from './block-stats';
import { en, ru } from './i18n';

const stats: BotStats = {
  sessions: 3,
  versions: [2, 1],
  blocks: { hello: { reached: 3, left: 0, handedOver: 0 }, people: { reached: 1, left: 0, handedOver: 1 } },
};

describe('block statistics on the cards', () => {
  it('gives each block its numbers, zeros where no session came, nothing when statistics are off', () => {
    expect(blockStatsFor(stats, 'people')).toEqual({ reached: 1, left: 0, handedOver: 1 });
    expect(blockStatsFor(stats, 'added-since')).toEqual({ reached: 0, left: 0, handedOver: 0 });
    expect(blockStatsFor(stats, 'constructor')).toEqual({ reached: 0, left: 0, handedOver: 0 });
    expect(blockStatsFor(null, 'hello')).toBeNull();
  });

  it('names the three numbers in both languages', () => {
    for (const texts of [ru, en])
      for (const key of ['reached', 'left', 'handedOver', 'none', 'toggle'] as const)
        expect(texts.stats[key]).toMatch(/\S/);
    expect(ru.stats.cardTitle).toContain('{{handedOver}}');
    expect(en.stats.cardTitle).toContain('{{handedOver}}');
  });
});
