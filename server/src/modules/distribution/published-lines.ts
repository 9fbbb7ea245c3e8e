import type { LineBody } from '@opora/runtime/definitions';
import type { PublishedLine } from '@opora/runtime/lines';
import type { Database, Em } from '../../db/database.js';

interface Fingerprint {
  n: string | number;
  versions: string | number;
  changed: string | Date | null;
}

/**
 * The published, not archived lines, cached per process. Every read asks one cheap question first (how many lines,
 * the sum of their latest versions, the last change): a publish or archive in any server process changes that
 * answer, so the cache is never stale and needs no message between processes.
 */
export class PublishedLines {
  private cached: { stamp: string; lines: PublishedLine[] } | null = null;

  constructor(private readonly db: Database) {}

  async all(em?: Em): Promise<PublishedLine[]> {
    const [row] = await this.db.query<Fingerprint>(
      `select count(*) as n, coalesce(sum(latest_version), 0) as versions, max(updated_at) as changed
         from definition where kind = 'line' and status <> 'archived' and latest_version is not null`,
      [],
      em,
    );
    const stamp = `${row?.n}/${row?.versions}/${row?.changed ? new Date(row.changed).getTime() : 0}`;
    if (this.cached?.stamp === stamp) return this.cached.lines;
    const rows = await this.db.query<{ key: string; body: unknown }>(
      `select d.key, v.body
         from definition d join definition_version v on v.definition_id = d.id and v.version = d.latest_version
        where d.kind = 'line' and d.status <> 'archived'
        order by d.key`,
      [],
      em,
    );
    const lines = rows.map((r) => ({
      key: r.key,
      body: (typeof r.body === 'string' ? JSON.parse(r.body) : r.body) as LineBody,
    }));
    this.cached = { stamp, lines };
    return lines;
  }

  async get(key: string, em?: Em): Promise<PublishedLine | null> {
    return (await this.all(em)).find((line) => line.key === key) ?? null;
  }
}
