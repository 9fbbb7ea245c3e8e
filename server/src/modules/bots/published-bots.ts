import { type PreparedBot, prepareBot } from '@opora/runtime/bots';
import { type BotBody, migrateDefinitionBody } from '@opora/runtime/definitions';
import type { Database, Em } from '../../db/database.js';
import type { SynonymTerms } from '../kb/search/synonym-service.js';

/** Prepared bots kept per process. */
const cacheLimit = 200;

/**
 * Published bot versions, prepared once per key and version (`prepareBot` stems the triggers, compiles the
 * patterns and folds the knowledge base's synonyms into the phrase triggers). A published version never changes;
 * the synonyms may, and a version is prepared again once they did. A session names the version it started on
 * (`pinned`); a new session takes the latest.
 */
export class PublishedBots {
  private readonly prepared = new Map<string, { bot: PreparedBot; synonyms: string }>();

  constructor(
    private readonly db: Database,
    /** The knowledge base's synonym groups (the bots module reads them through the knowledge base's cache). */
    private readonly synonyms: (tx?: Em) => Promise<SynonymTerms>,
  ) {}

  /** The latest published version of `key`, or null when none is published. */
  async latest(key: string, tx?: Em): Promise<PreparedBot | null> {
    const [row] = await this.db.query<{ version: number }>(
      `select d.latest_version as version from definition d
        where d.kind = 'bot' and d.key = ? and d.latest_version is not null`,
      [key],
      tx,
    );
    return row ? this.pinned(key, Number(row.version), tx) : null;
  }

  /** Version `version` of `key` exactly, or null when it does not exist. */
  async pinned(key: string, version: number, tx?: Em): Promise<PreparedBot | null> {
    const id = `${key}@${version}`;
    const synonyms = await this.synonyms(tx);
    const cached = this.prepared.get(id);
    if (cached?.synonyms === synonyms.stamp) return cached.bot;
    const [row] = await this.db.query<{ body: unknown }>(
      `select v.body from definition d join definition_version v on v.definition_id = d.id and v.version = ?
        where d.kind = 'bot' and d.key = ?`,
      [version, key],
      tx,
    );
    if (!row) return null;
    const stored = typeof row.body === 'string' ? JSON.parse(row.body) : row.body;
    const bot = prepareBot(migrateDefinitionBody('bot', stored) as BotBody, {
      key,
      version,
      synonyms: synonyms.groups,
    });
    this.prepared.delete(id);
    if (this.prepared.size >= cacheLimit) this.prepared.delete(this.prepared.keys().next().value as string);
    this.prepared.set(id, { bot, synonyms: synonyms.stamp });
    return bot;
  }
}
