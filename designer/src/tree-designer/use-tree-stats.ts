import { ApiError, type TreeStats } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { client } from '../lib/api';

export type TreeStatsState =
  | { status: 'off' }
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'ready'; stats: TreeStats }
  | { status: 'failed'; error: unknown };

/**
 * How the published tree is used, node by node. Only a published tree has walks; a 404 (no walks recorded, or
 * the statistics endpoint not there yet) and an empty answer both mean "no statistics yet".
 */
export function useTreeStats(key: string, publishedVersion: number | null): TreeStatsState {
  const [state, setState] = useState<TreeStatsState>({ status: 'off' });
  useEffect(() => {
    if (publishedVersion === null) {
      setState({ status: 'off' });
      return;
    }
    let live = true;
    setState({ status: 'loading' });
    client.portal
      .treeStats(key)
      .then((stats) => live && setState(stats.walks > 0 ? { status: 'ready', stats } : { status: 'none' }))
      .catch((error: unknown) => {
        if (!live) return;
        setState(
          error instanceof ApiError && error.status === 404
            ? { status: 'none' }
            : { status: 'failed', error },
        );
      });
    return () => {
      live = false;
    };
  }, [key, publishedVersion]);
  return state;
}
