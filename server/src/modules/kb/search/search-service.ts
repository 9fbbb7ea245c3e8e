import type { SearchQuery, SearchResult, Suggestion } from '@opora/sdk';
import type { Database } from '../../../db/database.js';
import { fromPgArray, toPgArray } from '../../../db/pg-array.js';
import type { Actor } from '../../auth/actor.js';
import type { CategoryService } from '../category-service.js';
import { withDescendants } from '../category-tree.js';
import { audienceParam } from '../kb-access.js';
import { answerThreshold, type Coverage, evenCoverage, weightedCoverage } from './coverage.js';
import { highlightParts, markStart, markStop } from './highlight.js';
import { withoutFillers } from './query-fillers.js';
import { queryWords, stemWords } from './query-terms.js';
import { type SearchGaps, shownKept } from './search-gaps.js';
import {
  isBroad,
  maxBroadOffset,
  rankAll,
  rankByTiers,
  type SearchFilter,
  tableSize,
} from './search-plan.js';
import { expandSynonyms, isSynonymTerm } from './synonym-expansion.js';
import type { SynonymService } from './synonym-service.js';
import { tsqueryText } from './tsquery-text.js';
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
 * the editors' list, typo tolerance by trigrams, highlighted snippets, filters, ranking by how much of the query
 * an article covers (`exactAnswer` false when none covers it: «Точного ответа нет»), and a record of every query
 * that finds nothing or no exact answer. Queries of any length and characters are reduced to at most a dozen
 * words first.
 */
export class SearchService {
  constructor(
    private readonly db: Database,
    private readonly categories: CategoryService,
    private readonly synonyms: SynonymService,
    private readonly gaps: SearchGaps,
  ) {}

  /**
   * `recordGaps: false` for searches nobody typed (articles suggested from a dialog's messages): those are no
   * visitor's unanswered question.
   */
  async search(
    input: SearchQuery,
    actor: Actor | null,
    options: { recordGaps?: boolean } = {},
  ): Promise<SearchResult> {
    const gapsOf = options.recordGaps === false ? null : input;
    const limit = input.limit ?? 10;
    const offset = input.offset ?? 0;
    const empty: SearchResult = {
      items: [],
      total: 0,
      totalIsEstimate: false,
      limit,
      offset,
      correctedQuery: null,
      exactAnswer: false,
    };
    const words = queryWords(input.q);
    const filter = await this.filter(input, actor);
    if (!words.length || !filter) return this.nothing(gapsOf, words, empty);
    const sets = await this.synonyms.sets();
    let stemmed = withoutFillers(await stemWords(this.db, words));
    // A word the synonyms list knows («инет», «симка») is no misspelling, even if no article uses it.
    const fixes = await correctTypos(
      this.db,
      stemmed.filter((w) => !isSynonymTerm(w.lexemes, sets)),
    );
    let correctedQuery: string | null = null;
    if (fixes.size) {
      const fixed = words.map((w) => fixes.get(w) ?? w);
      stemmed = withoutFillers(await stemWords(this.db, fixed));
      correctedQuery = fixed.join(' ');
    }
    const lexemes = stemmed.flatMap((w) => w.lexemes);
    const groups = lexemes.length ? expandSynonyms(lexemes, sets) : [];
    if (!groups.length) return this.nothing(gapsOf, words, empty);
    const phrase = words.length > 1 ? (correctedQuery ?? words.join(' ')) : '';
    let query = tsqueryText(groups);
    let page = await this.rank(query, filter, phrase, limit, offset, evenCoverage(groups));
    let exactAnswer = page.total > 0 && (page.best ?? 1) >= answerThreshold;
    // Nothing has every word («промокод не работает»): take articles with any of the real words (not numbers
    // or scraps), those covering the rarest words best first; none of them is an exact answer unless it covers
    // the distinctive words.
    const meaningful = groups.filter((g) =>
      g.some((alt) => alt.join('').length >= 3 && !/^\d+$/.test(alt.join(''))),
    );
    if (!page.total && meaningful.length > 1) {
      const articles = await tableSize(this.db);
      const { coverage, found } = await weightedCoverage(this.db, meaningful, filter, articles);
      const present = meaningful.filter((_, i) => found[i]! > 0);
      if (present.length) {
        query = tsqueryText(present, '|');
        page = await this.rank(query, filter, phrase, limit, offset, coverage);
        exactAnswer = page.best !== null && page.best >= answerThreshold;
      }
    }
    if (!page.total) return this.nothing(gapsOf, words, { ...empty, correctedQuery });
    const items = await this.hits(query, page.ids);
    if (!exactAnswer && gapsOf && this.firstUnfilteredPage(gapsOf))
      await this.gaps.record(
        input.q,
        words.join(' '),
        'weak',
        items.slice(0, shownKept).map((hit) => hit.title.map((part) => part.text).join('')),
      );
    return {
      items,
      total: page.total,
      totalIsEstimate: page.estimate,
      limit,
      offset,
      correctedQuery,
      exactAnswer,
    };
  }

  /**
   * Exact ranking when few articles match, with the best coverage among them; tiered ranking by popularity
   * when very many do (best unknown: `null`).
   */
  private async rank(
    query: string,
    filter: SearchFilter,
    phrase: string,
    limit: number,
    offset: number,
    coverage: Coverage,
  ): Promise<{ ids: string[]; total: number; estimate: boolean; best: number | null }> {
    const { broad, estimate } = await isBroad(this.db, query, filter);
    if (!broad)
      return {
        ...(await rankAll(this.db, query, filter, phrase, limit, offset, coverage)),
        estimate: false,
      };
    if (offset > maxBroadOffset) return { ids: [], total: estimate, estimate: true, best: null };
    const ranked = await rankByTiers(this.db, query, filter, limit, offset);
    return ranked.exhausted
      ? { ids: ranked.ids, total: offset + ranked.ids.length, estimate: false, best: null }
      : { ids: ranked.ids, total: Math.max(estimate, offset + limit + 1), estimate: true, best: null };
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
  private async nothing(
    input: SearchQuery | null,
    words: string[],
    result: SearchResult,
  ): Promise<SearchResult> {
    if (input && this.firstUnfilteredPage(input) && words.length)
      await this.gaps.record(input.q, words.join(' '));
    return result;
  }

  /** Only what a visitor typed into the plain search counts as a gap, once (not per page or filter). */
  private firstUnfilteredPage(input: SearchQuery): boolean {
    return !input.offset && !input.category && !input.tag;
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
