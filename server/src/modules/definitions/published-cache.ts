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

type Load<T> = (kind: DefinitionKind, key: string, em?: Em) => Promise<T | null>;

interface Entry<T> {
  /** Null: nothing published under the key (the portal of a fresh install is read on every save, too). */
  value: T | null;
  loadedAt: number;
}

/**
 * The latest published version of a definition, kept in memory: record saves read their data type (and the
 * portal's settings) on every write, and published versions change only by a publish. A publish forgets its
 * definition here at once and, through a NOTIFY delivered on commit, in every other server process. A read in
 * the transaction that published bypasses the cache (it must see its own new version); until {@link start}
 * listens, every read goes to the database.
 */
export class PublishedCache<T = DefinitionVersion> {
  private readonly entries = new Map<string, Entry<T>>();
  /** Bumped by every forget: a load that started before it may hold the old version and is not kept. */
  private generation = 0;
  private readonly publishedIn = new WeakSet<Em>();
  private unlisten: Unlisten | null = null;
  /** Caches derived from this one (see {@link derive}): they forget whatever this one forgets. */
  private readonly followers = new Set<PublishedCache<unknown>>();

  constructor(
    private readonly db: Database,
    private readonly load: Load<T>,
    private readonly now: () => number = () => performance.now(),
    /** The cache this one is derived from: it listens, and is live, for both. */
    private readonly source?: PublishedCache<unknown>,
  ) {}

  /**
   * A cache of something else read from published definitions (a widget channel's sites, say), kept by this
   * cache's rules: forgotten the moment this one forgets the same definition, here and — by this one's NOTIFY —
   * in every process, and bypassed in a transaction that publishes.
   */
  derive<U>(load: Load<U>): PublishedCache<U> {
    const derived = new PublishedCache<U>(this.db, load, this.now, this as PublishedCache<unknown>);
    this.followers.add(derived as PublishedCache<unknown>);
    return derived;
  }

  /** Until the cache listens for publishes, nothing it held could be trusted, so every read goes to the database. */
  private live(): boolean {
    return this.source ? this.source.live() : this.unlisten !== null;
  }

  private bypassedIn(em: Em): boolean {
    return this.publishedIn.has(em) || (this.source?.bypassedIn(em) ?? false);
  }

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
  async get(kind: DefinitionKind, key: string, em?: Em): Promise<T | null> {
    if (!this.live() || (em && this.bypassedIn(em))) return this.load(kind, key, em);
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
   * Called inside a transaction `tx` that publishes or archives the definition: its own later reads bypass the
   * cache, this process forgets the definition now, and every process (this one included) forgets it again — in
   * every cache of published definitions — when the NOTIFY arrives on commit.
   */
  async published(tx: Em, kind: DefinitionKind, key: string): Promise<void> {
    this.publishedIn.add(tx);
    const id = cacheKey(kind, key);
    this.forget(id);
    // A read outside the transaction may cache the old version meanwhile: forgotten again the moment it commits,
    // here, before the NOTIFY comes back.
    this.db.afterCommit(tx, () => this.forget(id));
    await this.db.notify(publishedChannel, id, tx);
  }

  /** Drops kind/key; after a committed publish, so reads in this process see it before the NOTIFY arrives. */
  forget(id: string): void {
    this.generation++;
    this.entries.delete(id);
    for (const follower of this.followers) follower.forget(id);
  }

  /** Publishes may have been missed (the listening connection dropped): nothing cached is trusted any more. */
  forgetAll(): void {
    this.generation++;
    this.entries.clear();
    for (const follower of this.followers) follower.forgetAll();
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
