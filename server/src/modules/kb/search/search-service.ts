import type { SearchQuery, SearchResult, Suggestion } from '@opora/sdk';
import type { Database } from '../../../db/database.js';
import { fromPgArray, toPgArray } from '../../../db/pg-array.js';
import type { Actor } from '../../auth/actor.js';
import type { CategoryService } from '../category-service.js';
import { withDescendants } from '../category-tree.js';
import { audienceParam } from '../kb-access.js';
import { highlightParts, markStart, markStop } from './highlight.js';
import { type QueryWord, queryWords, stemWords } from './query-terms.js';
import type { SearchGaps } from './search-gaps.js';
import { isBroad, maxBroadOffset, rankAll, rankByTiers, type SearchFilter } from './search-plan.js';
import { expandSynonyms } from './synonym-expansion.js';
import type { SynonymService } from './synonym-service.js';
import { type TermGroup, tsqueryText } from './tsquery-text.js';
import { correctTypos } from './typo-correction.js';

const headline = (extra: string) => `StartSel=${markStart}, StopSel=${markStop}, ${extra}`;
const titleHeadline = headline('HighlightAll=true');
const bodyHeadline = headline(
  'MaxFragments=2, MinWords=10, MaxWords=26, ShortWord=2, FragmentDelimiter=" … "',
);

interface HitRow {
  id: string;
  key: string;
  title_hl: string;
  snippet: string;
  summary: string;
  category_id: string | null;
  tags: string[];
  updated_at: Date | string;
}

/**
 * Knowledge-base search: Russian and English morphology (the `russian` configuration stems both), synonyms from
 * the editors' list, typo tolerance by trigrams, highlighted snippets, filters, and a record of every query that
 * finds nothing. Queries of any length and characters are reduced to at most a dozen words first.
 */
export class SearchService {
  constructor(
    private readonly db: Database,
    private readonly categories: CategoryService,
    private readonly synonyms: SynonymService,
    private readonly gaps: SearchGaps,
  ) {}

  async search(input: SearchQuery, actor: Actor | null): Promise<SearchResult> {
    const limit = input.limit ?? 10;
    const offset = input.offset ?? 0;
    const empty: SearchResult = {
      items: [],
      total: 0,
      totalIsEstimate: false,
      limit,
      offset,
      correctedQuery: null,
    };
    const words = queryWords(input.q);
    const filter = await this.filter(input, actor);
    if (!words.length || !filter) return this.nothing(input, words, empty);
    let stemmed = await stemWords(this.db, words);
    const fixes = await correctTypos(this.db, stemmed);
    let correctedQuery: string | null = null;
    if (fixes.size) {
      const fixed = words.map((w) => fixes.get(w) ?? w);
      stemmed = await stemWords(this.db, fixed);
      correctedQuery = fixed.join(' ');
    }
    const groups = await this.groups(stemmed);
    if (!groups.length) return this.nothing(input, words, empty);
    const phrase = words.length > 1 ? (correctedQuery ?? words.join(' ')) : '';
    let query = tsqueryText(groups);
    let page = await this.rank(query, filter, phrase, limit, offset);
    // Nothing has every word («не могу войти»: «могу» is in no article): take articles with any of the real words
    // (not numbers or scraps), best first.
    const meaningful = groups.filter((g) =>
      g.some((alt) => alt.join('').length >= 3 && !/^\d+$/.test(alt.join(''))),
    );
    if (!page.total && meaningful.length > 1) {
      query = tsqueryText(meaningful, '|');
      page = await this.rank(query, filter, phrase, limit, offset);
    }
    if (!page.total) return this.nothing(input, words, { ...empty, correctedQuery });
    return {
      items: await this.hits(query, page.ids),
      total: page.total,
      totalIsEstimate: page.estimate,
      limit,
      offset,
      correctedQuery,
    };
  }

  /** Exact ranking when few articles match; tiered ranking by popularity when very many do. */
  private async rank(query: string, filter: SearchFilter, phrase: string, limit: number, offset: number) {
    const { broad, estimate } = await isBroad(this.db, query, filter);
    if (!broad) return { ...(await rankAll(this.db, query, filter, phrase, limit, offset)), estimate: false };
    if (offset > maxBroadOffset) return { ids: [], total: estimate, estimate: true };
    const ranked = await rankByTiers(this.db, query, filter, limit, offset);
    return ranked.exhausted
      ? { ids: ranked.ids, total: offset + ranked.ids.length, estimate: false }
      : { ids: ranked.ids, total: Math.max(estimate, offset + limit + 1), estimate: true };
  }

  /** Titles starting like what is typed (the last word as a prefix), most read first. */
  async suggest(q: string, actor: Actor | null, limit = 8): Promise<{ items: Suggestion[] }> {
    const words = queryWords(q);
    if (!words.length || q.trim().length < 2) return { items: [] };
    const text = words.map((w, i) => `'${w}'${i === words.length - 1 ? ':*' : ''}`).join(' & ');
    const rows = await this.db.query<{ key: string; title: string; category_id: string | null }>(
      `select a.key, a.title, a.category_id from kb_article a, (select to_tsquery('russian', ?) as q) x
       where a.state = 'published' and a.audience = any(?::text[]) and a.title_vec @@ x.q
       order by a.popularity desc, a.id limit ?`,
      [text, audienceParam(actor), limit],
    );
    return { items: rows.map((r) => ({ key: r.key, title: r.title, categoryId: r.category_id })) };
  }

  /** The query's terms, each with its synonyms as alternatives. */
  private async groups(words: QueryWord[]): Promise<TermGroup[]> {
    const lexemes = words.flatMap((w) => w.lexemes);
    return lexemes.length ? expandSynonyms(lexemes, await this.synonyms.sets()) : [];
  }

  private async filter(input: SearchQuery, actor: Actor | null): Promise<SearchFilter | null> {
    const filter: SearchFilter = {
      sql: `a.state = 'published' and a.audience = any(?::text[])`,
      params: [audienceParam(actor)],
    };
    if (input.category) {
      const all = await this.categories.all();
      const category = all.find((c) => c.key === input.category);
      if (!category) return null;
      filter.sql += ' and a.category_id = any(?::uuid[])';
      filter.params.push(toPgArray(withDescendants(all, category.id)));
    }
    if (input.tag) {
      filter.sql += ' and a.tags @> array[?]::text[]';
      filter.params.push(input.tag.trim().toLowerCase());
    }
    return filter;
  }

  /** An empty answer; the first page of an unfiltered search that found nothing is a content gap. */
  private async nothing(input: SearchQuery, words: string[], result: SearchResult): Promise<SearchResult> {
    if (!input.offset && !input.category && !input.tag && words.length)
      await this.gaps.record(input.q, words.join(' '));
    return result;
  }

  private async hits(query: string, ids: string[]) {
    if (!ids.length) return [];
    const rows = await this.db.query<HitRow>(
      `select a.id, a.key, a.summary, a.category_id, a.tags, a.updated_at,
         ts_headline('russian', a.title, x.q, ?) as title_hl, ts_headline('russian', a.body_text, x.q, ?) as snippet
       from kb_article a, (select ?::tsquery as q) x where a.id = any(?::uuid[])`,
      [titleHeadline, bodyHeadline, query, toPgArray(ids)],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r
        ? [
            {
              id: r.id,
              key: r.key,
              title: highlightParts(r.title_hl),
              snippet: highlightParts(r.snippet),
              summary: r.summary,
              categoryId: r.category_id,
              tags: fromPgArray(r.tags),
              updatedAt: new Date(r.updated_at).toISOString(),
            },
          ]
        : [];
    });
  }
}
