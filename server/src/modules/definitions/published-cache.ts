import type { DefinitionKind } from '@opora/runtime/definitions';
import type { DefinitionVersion } from '@opora/sdk';
import type { Database, Em } from '../../db/database.js';
import type { Unlisten } from '../../db/listen.js';

/** The NOTIFY channel a publish names its definition on (`kind:key`), so every server process forgets it. */
export const publishedChannel = 'opora_published';

/**
 * A safety net, not the mechanism: a notification sent while a process's listening connection was down is lost,
 * so no entry is trusted for longer than this.
 */
const maxAgeMs = 30_000;

/** Keys come from callers (a record URL names its type): past this many entries the cache starts over. */
const maxEntries = 2_000;

type Load = (kind: DefinitionKind, key: string, em?: Em) => Promise<DefinitionVersion | null>;

interface Entry {
  /** Null: nothing published under the key (the portal of a fresh install is read on every save, too). */
  value: DefinitionVersion | null;
  loadedAt: number;
}

/**
 * The latest published version of a definition, kept in memory: record saves read their data type (and the
 * portal's settings) on every write, and published versions change only by a publish. A publish forgets its
 * definition here at once and, through a NOTIFY delivered on commit, in every other server process. A read in
 * the transaction that published bypasses the cache (it must see its own new version); until {@link start}
 * listens, every read goes to the database.
 */
export class PublishedCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every forget: a load that started before it may hold the old version and is not kept. */
  private generation = 0;
  private readonly publishedIn = new WeakSet<Em>();
  private unlisten: Unlisten | null = null;

  constructor(
    private readonly db: Database,
    private readonly load: Load,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async start(): Promise<void> {
    this.unlisten ??= await this.db.listen(
      publishedChannel,
      (payload) => this.forget(payload),
      () => this.forgetAll(),
    );
  }

  async stop(): Promise<void> {
    const unlisten = this.unlisten;
    this.unlisten = null;
    this.entries.clear();
    await unlisten?.();
  }

  /** The latest published version of kind/key, or null. */
  async get(kind: DefinitionKind, key: string, em?: Em): Promise<DefinitionVersion | null> {
    if (!this.unlisten || (em && this.publishedIn.has(em))) return this.load(kind, key, em);
    const id = cacheKey(kind, key);
    const entry = this.entries.get(id);
    if (entry && this.now() - entry.loadedAt < maxAgeMs) return entry.value;
    const generation = this.generation;
    const value = await this.load(kind, key, em);
    if (generation === this.generation) {
      if (this.entries.size >= maxEntries) this.entries.clear();
      this.entries.set(id, { value: deepFreeze(value), loadedAt: this.now() });
    }
    return value;
  }

  /**
   * Called inside the publish transaction `tx`: its own later reads bypass the cache, this process forgets the
   * definition now, and every process (this one included) forgets it again when the NOTIFY arrives on commit.
   */
  async published(tx: Em, kind: DefinitionKind, key: string): Promise<void> {
    this.publishedIn.add(tx);
    const id = cacheKey(kind, key);
    this.forget(id);
    await this.db.notify(publishedChannel, id, tx);
  }

  /** Drops kind/key; after a committed publish, so reads in this process see it before the NOTIFY arrives. */
  forget(id: string): void {
    this.generation++;
    this.entries.delete(id);
  }

  /** Publishes may have been missed (the listening connection dropped): nothing cached is trusted any more. */
  forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }
}

export const cacheKey = (kind: DefinitionKind, key: string) => `${kind}:${key}`;

/** Cached bodies are shared by every caller: freezing them turns an accidental edit into an error, not a leak. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
