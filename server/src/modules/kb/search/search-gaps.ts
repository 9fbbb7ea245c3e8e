import { randomUUID } from 'node:crypto';
import type { Page, SearchGap } from '@opora/sdk';
import type { Database } from '../../../db/database.js';
import { fail } from '../../../http/app-error.js';
import { iso } from '../kb-rows.js';

interface GapRow {
  id: string;
  query: string;
  count: number;
  first_at: Date | string;
  last_at: Date | string;
}

/** Queries that found nothing, counted per normalised text: the editors' list of what the knowledge base lacks. */
export class SearchGaps {
  constructor(private readonly db: Database) {}

  async record(query: string, normalized: string): Promise<void> {
    if (!normalized) return;
    await this.db.query(
      `insert into kb_search_gap (id, query_norm, query) values (?, ?, ?)
       on conflict (query_norm) do update set count = kb_search_gap.count + 1, last_at = now(), query = excluded.query`,
      [randomUUID(), normalized.slice(0, 300), query.trim().slice(0, 300)],
    );
  }

  async list(limit: number, offset: number): Promise<Page<SearchGap>> {
    const rows = await this.db.query<GapRow & { total: string | number }>(
      `select id, query, count, first_at, last_at, count(*) over () as total from kb_search_gap
       order by count desc, last_at desc, id limit ? offset ?`,
      [limit, offset],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        query: r.query,
        count: r.count,
        firstAt: iso(r.first_at)!,
        lastAt: iso(r.last_at)!,
      })),
      total: Number(rows[0]?.total ?? 0),
      limit,
      offset,
    };
  }

  async dismiss(id: string): Promise<void> {
    const rows = await this.db.query('delete from kb_search_gap where id = ? returning id', [id]);
    if (!rows.length) throw fail.notFound(`search gap ${id}`);
  }
}
