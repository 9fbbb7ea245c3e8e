import { migrateDefinitionBody, type ProcessBody } from '@opora/runtime/definitions';
import { type PreparedProcess, prepareProcess } from '@opora/runtime/processes';
import type { Database, Em } from '../../../db/database.js';
import type { Unlisten } from '../../../db/listen.js';
import { publishedChannel } from '../../definitions/published-cache.js';

/** Prepared processes kept per server process. */
const cacheLimit = 200;

/** A safety net for a missed notification, as for the published definitions' cache. */
const listMaxAgeMs = 30_000;
/** After a publish in this process, until its NOTIFY surely arrived, the list is read from the database. */
const afterPublishMs = 5_000;

interface LatestRow {
  key: string;
  version: number;
}

/**
 * Published process versions, prepared once per key and version (`prepareProcess` indexes the graph). A published
 * version never changes, so a prepared one is kept until the cache is full. An instance names the version it
 * started on (`pinned`); a new instance takes the latest.
 */
export class PublishedProcesses {
  private readonly prepared = new Map<string, PreparedProcess>();
  /**
   * Every process's latest version: read on every record save (does a process start on it?), so kept in memory
   * and forgotten by a process publish — at once here, by NOTIFY elsewhere.
   */
  private latestList: { rows: LatestRow[]; loadedAt: number } | null = null;
  /** Bumped by every forget: a list read before it may miss the new version and is not kept. */
  private generation = 0;
  private bypassUntil = 0;
  private unlisten: Unlisten | null = null;

  constructor(
    private readonly db: Database,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Listens for publishes; until it does, the list of latest versions is read from the database each time. */
  async start(): Promise<void> {
    this.unlisten ??= await this.db.listen(
      publishedChannel,
      (payload) => {
        if (payload.startsWith('process:')) this.forgetList();
      },
      () => this.forgetList(),
    );
  }

  async stop(): Promise<void> {
    const unlisten = this.unlisten;
    this.unlisten = null;
    this.forgetList();
    await unlisten?.();
  }

  /** Called in a process's publish transaction: reads go to the database until its notification has come. */
  publishing(): void {
    this.forgetList();
    this.bypassUntil = this.now() + afterPublishMs;
  }

  private forgetList(): void {
    this.generation++;
    this.latestList = null;
  }

  private async latestVersions(tx?: Em): Promise<LatestRow[]> {
    const cacheable = this.unlisten !== null && this.now() >= this.bypassUntil;
    if (cacheable && this.latestList && this.now() - this.latestList.loadedAt < listMaxAgeMs)
      return this.latestList.rows;
    const generation = this.generation;
    const rows = (
      await this.db.query<{ key: string; version: number }>(
        `select d.key, d.latest_version as version from definition d
          where d.kind = 'process' and d.latest_version is not null order by d.key limit 1000`,
        [],
        tx,
      )
    ).map((row) => ({ key: row.key, version: Number(row.version) }));
    if (cacheable && generation === this.generation) this.latestList = { rows, loadedAt: this.now() };
    return rows;
  }

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
    const found: { process: PreparedProcess; startEvent: string }[] = [];
    for (const row of await this.latestVersions(tx)) {
      const process = await this.pinned(row.key, row.version, tx);
      const start = process?.starts.get('')?.find(accepts);
      if (process && start) found.push({ process, startEvent: start.id });
    }
    return found;
  }
}
