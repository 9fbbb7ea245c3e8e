import type { TreeStats } from '@opora/sdk';

export type NodeStats = TreeStats['nodes'][string];

/** What a card shows about a node's use: visits, share of those visits that ended here with an outcome, drops. */
export interface NodeStatSummary {
  visits: number;
  /** Percent of visits whose walk ended at this node with an answer, article or contact; null at questions. */
  reachedPercent: number | null;
  abandoned: number;
  helpful: number;
  notHelpful: number;
}

export function summarizeNodeStats(stats: NodeStats | undefined): NodeStatSummary {
  const visits = stats?.visits ?? 0;
  const outcomes = stats?.outcomes ?? {};
  // A walk has one final outcome (a rating replaces "article"), so outcomes at a node add up to walks ended here.
  const reached = Object.values(outcomes).reduce((sum, n) => sum + (n ?? 0), 0);
  return {
    visits,
    reachedPercent: reached > 0 && visits > 0 ? Math.min(100, Math.round((reached / visits) * 100)) : null,
    abandoned: stats?.abandoned ?? 0,
    helpful: outcomes.helpful ?? 0,
    notHelpful: outcomes['not-helpful'] ?? 0,
  };
}

/** A node's figures; every walk starts at the root, so its visits are at least the number of walks. */
export function nodeStatsOf(stats: TreeStats, id: string, isRoot: boolean): NodeStats {
  const own = stats.nodes[id] ?? { visits: 0, abandoned: 0, outcomes: {} };
  return isRoot ? { ...own, visits: Math.max(own.visits, stats.walks) } : own;
}
