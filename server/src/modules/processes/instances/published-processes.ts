import { migrateDefinitionBody, type ProcessBody } from '@opora/runtime/definitions';
import { type PreparedProcess, prepareProcess } from '@opora/runtime/processes';
import type { Database, Em } from '../../../db/database.js';

/** Prepared processes kept per server process. */
const cacheLimit = 200;

/**
 * Published process versions, prepared once per key and version (`prepareProcess` indexes the graph). A published
 * version never changes, so a prepared one is kept until the cache is full. An instance names the version it
 * started on (`pinned`); a new instance takes the latest.
 */
export class PublishedProcesses {
  private readonly prepared = new Map<string, PreparedProcess>();

  constructor(private readonly db: Database) {}

  /** The latest published version of `key`, or null when none is published. */
  async latest(key: string, tx?: Em): Promise<PreparedProcess | null> {
    const [row] = await this.db.query<{ version: number }>(
      `select d.latest_version as version from definition d
        where d.kind = 'process' and d.key = ? and d.latest_version is not null`,
      [key],
      tx,
    );
    return row ? this.pinned(key, Number(row.version), tx) : null;
  }

  /** Version `version` of `key` exactly, or null when it does not exist. */
  async pinned(key: string, version: number, tx?: Em): Promise<PreparedProcess | null> {
    const id = `${key}@${version}`;
    const cached = this.prepared.get(id);
    if (cached) return cached;
    const [row] = await this.db.query<{ body: unknown }>(
      `select v.body from definition d join definition_version v on v.definition_id = d.id and v.version = ?
        where d.kind = 'process' and d.key = ?`,
      [version, key],
      tx,
    );
    if (!row) return null;
    const stored = typeof row.body === 'string' ? JSON.parse(row.body) : row.body;
    const process = prepareProcess(migrateDefinitionBody('process', stored) as ProcessBody, { key, version });
    if (this.prepared.size >= cacheLimit) this.prepared.delete(this.prepared.keys().next().value as string);
    this.prepared.set(id, process);
    return process;
  }

  /**
   * The latest published versions whose start events match `accepts` (a message's name, a record's change):
   * what a trigger starts. Reads every published process's latest version through the cache.
   */
  async startingAt(
    accepts: (node: PreparedProcess['body']['nodes'][number]) => boolean,
    tx?: Em,
  ): Promise<{ process: PreparedProcess; startEvent: string }[]> {
    const rows = await this.db.query<{ key: string; version: number }>(
      `select d.key, d.latest_version as version from definition d
        where d.kind = 'process' and d.latest_version is not null order by d.key limit 1000`,
      [],
      tx,
    );
    const found: { process: PreparedProcess; startEvent: string }[] = [];
    for (const row of rows) {
      const process = await this.pinned(row.key, Number(row.version), tx);
      const start = process?.starts.get('')?.find(accepts);
      if (process && start) found.push({ process, startEvent: start.id });
    }
    return found;
  }
}
