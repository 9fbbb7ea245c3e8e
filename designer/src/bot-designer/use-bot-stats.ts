import type { BotStats } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { client } from '../lib/api';

export type BotStatsState =
  | { status: 'off' }
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'ready'; stats: BotStats }
  | { status: 'failed' };

/**
 * The bot's per-block statistics, asked for only while the analyst shows them (the answer reads every session of
 * the bot); a bot never published has none to ask for.
 */
export function useBotStats(key: string | undefined, shown: boolean): BotStatsState {
  const [state, setState] = useState<BotStatsState>({ status: 'off' });
  useEffect(() => {
    if (!key || !shown) {
      setState({ status: 'off' });
      return;
    }
    let live = true;
    setState({ status: 'loading' });
    client.bots
      .stats(key)
      .then((stats) => live && setState(stats.sessions > 0 ? { status: 'ready', stats } : { status: 'none' }))
      .catch(() => live && setState({ status: 'failed' }));
    return () => {
      live = false;
    };
  }, [key, shown]);
  return state;
}
