import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Locale, SynonymGroup } from '@opora/sdk';
import type { Database, Em } from '../../../db/database.js';
import { fromPgArray, toPgArray } from '../../../db/pg-array.js';
import { fail } from '../../../http/app-error.js';
import type { SynonymSet } from './synonym-expansion.js';

interface SynonymRow {
  id: string;
  terms: string[];
  lexemes: string[];
}

/** The synonym groups' terms, and a stamp that changes whenever any of them does. */
export interface SynonymTerms {
  groups: string[][];
  stamp: string;
}

/** Kept this long in each server process; a save in this process refreshes it at once, others catch up. */
const cacheMs = 30_000;

/**
 * The editors' synonyms list: groups of words or phrases that mean the same in a search. Each term is stored
 * with its lexemes (stemmed by PostgreSQL itself), so matching a query never stems twice.
 */
export class SynonymService {
  private cache: { at: number; sets: SynonymSet[]; terms: SynonymTerms } | undefined;

  constructor(private readonly db: Database) {}

  async list(): Promise<{ items: SynonymGroup[] }> {
    const rows = await this.db.query<SynonymRow>(
      'select id, terms, lexemes from kb_synonym order by position',
    );
    return { items: rows.map((r) => ({ id: r.id, terms: fromPgArray(r.terms) })) };
  }

  /** Replaces the whole list in one transaction; a group needs two different terms. */
  async save(groups: string[][], locale: Locale, em?: Em): Promise<{ items: SynonymGroup[] }> {
    const clean = groups.map((g) => [
      ...new Set(g.map((t) => t.trim().toLowerCase().replace(/\s+/g, ' ')).filter(Boolean)),
    ]);
    const problems = clean.flatMap((g, i) =>
      g.length < 2
        ? [
            {
              pointer: `/groups/${i}`,
              code: 'too_short',
              message:
                locale === 'en'
                  ? 'A group needs at least two different terms'
                  : 'В группе нужно хотя бы два разных слова',
            },
          ]
        : [],
    );
    if (problems.length) throw fail.validation(problems);
    const run = async (tx: Em) => {
      await this.db.query('delete from kb_synonym', [], tx);
      for (const [position, terms] of clean.entries())
        await this.db.query(
          `insert into kb_synonym (id, position, terms, lexemes)
           select ?, ?, ?::text[], array(select array_to_string(array(
             select lexeme from unnest(to_tsvector('russian', t)) order by positions[1]), ' ') from unnest(?::text[]) as t)`,
          [randomUUID(), position, toPgArray(terms), toPgArray(terms)],
          tx,
        );
    };
    if (em) await run(em);
    else await this.db.transaction(run);
    this.cache = undefined;
    return em ? { items: [] } : this.list();
  }

  /** The groups as lexeme sequences, for query expansion. */
  async sets(): Promise<SynonymSet[]> {
    return (await this.cached()).sets;
  }

  /**
   * The groups as the editors wrote them, for matchers that stem words their own way (a bot's phrases).
   */
  async terms(tx?: Em): Promise<SynonymTerms> {
    return (await this.cached(tx)).terms;
  }

  /** Read in the caller's transaction when it has one (an embedded database has one connection for both). */
  private async cached(tx?: Em) {
    if (this.cache && performance.now() - this.cache.at < cacheMs) return this.cache;
    const rows = await this.db.query<SynonymRow>(
      'select id, terms, lexemes from kb_synonym order by position',
      [],
      tx,
    );
    const sets = rows.map((r) =>
      fromPgArray(r.lexemes)
        .map((l) => l.split(' ').filter(Boolean))
        .filter((l) => l.length),
    );
    const groups = rows.map((r) => fromPgArray(r.terms));
    this.cache = { at: performance.now(), sets, terms: { groups, stamp: JSON.stringify(groups) } };
    return this.cache;
  }
}
