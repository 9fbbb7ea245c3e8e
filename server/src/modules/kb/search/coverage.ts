import type { Database } from '../../../db/database.js';
import type { SearchFilter } from './search-plan.js';
import { type TermGroup, tsqueryText } from './tsquery-text.js';

/**
 * How much of a query an article covers: each term (a word with its synonyms) counts where the article has it —
 * fully in the title, a little less in the summary or tags, half in the body only, not at all when missing —
 * weighted by how distinctive the term is, as a share of all the terms' weights (0…1).
 */
export const placeWeights = { title: 1, head: 0.8, body: 0.5 } as const;

/**
 * An article covering at least this share is an answer; below it the best match is only possibly related
 * («Точного ответа нет»). An article with every term, even only in its body, reaches it; one missing a
 * distinctive term (weighed as much as all the common ones together) does not.
 */
export const answerThreshold = 0.5;

/** The query's terms as coverage reads them: one tsquery per term and its weight. */
export interface Coverage {
  terms: string[];
  weights: number[];
  /**
   * True when every article ranked has every term somewhere (the query demanded all of them), so a term not
   * in the head is known to be in the body without reading the large body vector.
   */
  allTermsPresent: boolean;
}

/** Equal weights, for a query every match covers in full (where it covers each term still differs). */
export function evenCoverage(groups: readonly TermGroup[]): Coverage {
  return { terms: groups.map((g) => tsqueryText([g])), weights: groups.map(() => 1), allTermsPresent: true };
}

/**
 * Matches counted at most this far: beyond it a term is common, which is all its weight needs to say (counting
 * further reads more rows of a word in most articles for nothing: 1,000 doubled a weak query's time).
 */
const dfCap = 200;

/**
 * Weights by rarity (inverse document frequency, ln(1 + N / df)): «промокод» in one article outweighs «не
 * работает» in fifteen. One statement per term, so the planner sees the word; the count stops at `dfCap`.
 */
export async function weightedCoverage(
  db: Database,
  groups: readonly TermGroup[],
  filter: SearchFilter,
  articles: number,
): Promise<{ coverage: Coverage; found: number[] }> {
  const terms = groups.map((g) => tsqueryText([g]));
  const found = await Promise.all(
    terms.map(async (term) => {
      const [row] = await db.query<{ n: string | number }>(
        `select count(*) as n from (select 1 from kb_article a where ${filter.sql} and a.search_vec @@ ?::tsquery
         limit ${dfCap}) s`,
        [...filter.params, term],
      );
      return Number(row?.n ?? 0);
    }),
  );
  const n = Math.max(articles, ...found, 1);
  const weights = found.map((df) => Math.log(1 + n / Math.max(df, 1)));
  return { coverage: { terms, weights, allTermsPresent: false }, found };
}

/**
 * The coverage of `kb_article a` as an SQL expression over the bound `x.terms` (tsquery[]) and `x.weights`
 * (float8[]); the body vector is read only when a term may be missing altogether.
 */
export function coverageSql(coverage: Coverage): string {
  const body = coverage.allTermsPresent ? 'true' : 'a.search_vec @@ t.q';
  const total = coverage.weights.reduce((sum, w) => sum + w, 0) || 1;
  return `(select coalesce(sum(x.weights[t.i] * case when a.title_vec @@ t.q then ${placeWeights.title}
      when a.head_vec @@ t.q then ${placeWeights.head} when ${body} then ${placeWeights.body} else 0 end), 0)
    from unnest(x.terms) with ordinality as t(q, i)) / ${total.toFixed(6)}`;
}
