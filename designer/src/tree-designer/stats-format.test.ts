import { describe, expect, it } from 'vitest';
import { nodeStatsOf, summarizeNodeStats } from './stats-format';

describe('node statistics line', () => {
  it('counts the share of visits that ended here with an outcome', () => {
    expect(
      summarizeNodeStats({
        visits: 120,
        abandoned: 12,
        outcomes: { article: 30, helpful: 40, 'not-helpful': 7 },
      }),
    ).toEqual({ visits: 120, reachedPercent: 64, abandoned: 12, helpful: 40, notHelpful: 7 });
  });
  it('shows no share at questions and zeros for nodes nobody visited', () => {
    expect(summarizeNodeStats({ visits: 50, abandoned: 3, outcomes: {} }).reachedPercent).toBeNull();
    expect(summarizeNodeStats(undefined)).toEqual({
      visits: 0,
      reachedPercent: null,
      abandoned: 0,
      helpful: 0,
      notHelpful: 0,
    });
  });
  it('counts every walk as a visit of the root', () => {
    const stats = { walks: 5, abandoned: 1, nodes: { a: { visits: 2, abandoned: 0, outcomes: {} } } };
    expect(nodeStatsOf(stats, 'start', true).visits).toBe(5);
    expect(nodeStatsOf(stats, 'a', false).visits).toBe(2);
    expect(nodeStatsOf(stats, 'b', false)).toEqual({ visits: 0, abandoned: 0, outcomes: {} });
  });
});
