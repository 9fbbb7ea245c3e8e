import type { BotBlockStats, BotStats } from '@opora/sdk';

const none: BotBlockStats = { reached: 0, left: 0, handedOver: 0 };

/**
 * What each block's card shows when statistics are on: its three numbers, zeros for a block no session reached
 * (a block added to the draft since, or one the dialogs never got to). Null when there is nothing to show.
 */
export function blockStatsFor(stats: BotStats | null, blockId: string): BotBlockStats | null {
  if (!stats) return null;
  return Object.hasOwn(stats.blocks, blockId) ? (stats.blocks[blockId] as BotBlockStats) : none;
}
