import type { ProcessBody, ProcessNode } from '@opora/runtime/definitions';
import type { Database, Em } from '../../../db/database.js';

/** A published process version as the inbox names it: the version's name and its nodes by id. */
export interface ProcessVersionInfo {
  name: string;
  nodes: Map<string, ProcessNode>;
}

/** How many versions one process keeps in memory; published versions never change, so nothing goes stale. */
const maxCached = 500;

/** Published process versions by key and number, read once per process (they are immutable). */
export class ProcessVersions {
  private readonly cache = new Map<string, ProcessVersionInfo>();

  constructor(private readonly db: Database) {}

  async get(key: string, version: number, tx?: Em): Promise<ProcessVersionInfo | null> {
    const id = `${key}@${version}`;
    const hit = this.cache.get(id);
    if (hit) return hit;
    const [row] = await this.db.query<{ name: string; body: unknown }>(
      `select v.name, v.body from definition d join definition_version v on v.definition_id = d.id
        where d.kind = 'process' and d.key = ? and v.version = ?`,
      [key, version],
      tx,
    );
    if (!row) return null;
    const body = (typeof row.body === 'string' ? JSON.parse(row.body) : row.body) as ProcessBody;
    const info = { name: row.name, nodes: new Map(body.nodes.map((n) => [n.id, n])) };
    if (this.cache.size >= maxCached) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(id, info);
    return info;
  }
}
