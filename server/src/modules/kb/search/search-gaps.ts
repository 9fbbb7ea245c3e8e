import { randomUUID } from 'node:crypto';
import type { Page, SearchGap, SearchGapKind } from '@opora/sdk';
import { cappedCount } from '../../../db/capped-count.js';
import type { Database } from '../../../db/database.js';
import { fromPgArray, toPgArray } from '../../../db/pg-array.js';
import { fail } from '../../../http/app-error.js';
import { iso } from '../kb-rows.js';

interface GapRow {
  id: string;
  query: string;
  kind: SearchGapKind;
  count: number;
  first_at: Date | string;
  last_at: Date | string;
  shown: unknown;
}

/** At most this many titles of what a weak query was shown are kept: the first screen of results. */
export const shownKept = 3;

/**
 * Queries that found nothing, or found no article covering them (a weak hit), counted per normalised text: the
 * editors' list of what the knowledge base lacks. A query keeps one row; its kind and the titles shown are
 * those of its latest search, since articles written meanwhile change what it finds.
 */
export class SearchGaps {
  constructor(private readonly db: Database) {}

  async record(
    query: string,
    normalized: string,
    kind: SearchGapKind = 'zero',
    shown: string[] = [],
  ): Promise<void> {
    if (!normalized) return;
    await this.db.query(
      `insert into kb_search_gap (id, query_norm, query, kind, shown) values (?, ?, ?, ?, ?::text[])
       on conflict (query_norm) do update set count = kb_search_gap.count + 1, last_at = now(), query = excluded.query,
         kind = excluded.kind, shown = excluded.shown`,
      [
        randomUUID(),
        normalized.slice(0, 300),
        query.trim().slice(0, 300),
        kind,
        toPgArray(shown.slice(0, shownKept).map((t) => t.slice(0, 300))),
      ],
    );
  }

  async list(limit: number, offset: number, kind?: SearchGapKind): Promise<Page<SearchGap>> {
    const fromWhere = 'from kb_search_gap where (?::text is null or kind = ?::text)';
    const [rows, counted] = await Promise.all([
      this.db.query<GapRow>(
        `select id, query, kind, count, first_at, last_at, shown ${fromWhere}
         order by count desc, last_at desc, id limit ? offset ?`,
        [kind ?? null, kind ?? null, limit, offset],
      ),
      cappedCount(this.db, fromWhere, [kind ?? null, kind ?? null]),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        query: r.query,
        kind: r.kind,
        count: r.count,
        firstAt: iso(r.first_at)!,
        lastAt: iso(r.last_at)!,
        shown: fromPgArray(r.shown),
      })),
      ...counted,
      limit,
      offset,
    };
  }

  async dismiss(id: string): Promise<void> {
    const rows = await this.db.query('delete from kb_search_gap where id = ? returning id', [id]);
    if (!rows.length) throw fail.notFound(`search gap ${id}`);
  }
}
