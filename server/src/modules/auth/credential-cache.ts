import type { Actor } from './actor.js';

/** The NOTIFY channel the database's triggers announce a user's changed credentials on (payload: the user id). */
export const authChangeChannel = 'opora_auth_changed';

export interface CachedCredential {
  actor: Actor;
  /** When the session ends (ms since the epoch); Infinity for an API token. */
  expiresAt: number;
  /** API tokens: the row, and when its last use was written (ms), so that write is every few minutes, not per call. */
  tokenId?: string;
  touchedAt?: number;
}

interface Entry extends CachedCredential {
  cachedAt: number;
}

export interface CredentialCacheOptions {
  maxEntries?: number;
  /** A safety net only: invalidation is by NOTIFY; this bounds what a lost notification could leave behind. */
  ttlMs?: number;
  /** How long fills for a user being changed are refused when the change's NOTIFY never comes (a rollback). */
  unsettledMs?: number;
  /** Wall-clock time, like the database's now() the sessions expire by. */
  now?: () => number;
}

/**
 * Sessions and API tokens resolved recently, by the SHA-256 of their secret, so a request needs no query to know
 * its caller. Correctness rests on three rules:
 * - nothing is cached until this process listens on {@link authChangeChannel} (the database triggers send the
 *   user id there on commit of any change to their sessions, tokens or account), and a notification drops all
 *   the user's entries;
 * - a fill that read the database before an invalidation is discarded (the epoch moved meanwhile), so a read
 *   that raced a logout cannot put the ended session back;
 * - a writer in this process calls {@link userChanging} inside its transaction: the user's entries go at once
 *   and are not refilled until the commit's notification arrives, so this process's next request, even one sent
 *   before the notification, reads the committed state.
 */
export class CredentialCache {
  private readonly entries = new Map<string, Entry>();
  private readonly unsettled = new Map<string, number>();
  private epoch = 0;
  private listening = false;
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly unsettledMs: number;
  readonly now: () => number;

  constructor(options: CredentialCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.ttlMs = options.ttlMs ?? 30_000;
    this.unsettledMs = options.unsettledMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** The cached credential when it is still fresh and its session has not expired. */
  get(key: string): CachedCredential | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    const now = this.now();
    if (now >= entry.expiresAt || now - entry.cachedAt >= this.ttlMs) {
      this.entries.delete(key);
      return null;
    }
    // Most recently used last: eviction takes the first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Taken before reading the database for a fill; {@link put} refuses the fill when anything changed since. */
  ticket(): number {
    return this.epoch;
  }

  put(key: string, credential: CachedCredential, ticket: number): void {
    if (!this.listening || ticket !== this.epoch || this.isUnsettled(credential.actor.id)) return;
    this.entries.delete(key);
    this.entries.set(key, { ...credential, cachedAt: this.now() });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Inside a transaction that changes the user's credentials: drop them now, refill only after the commit. */
  userChanging(userId: string): void {
    this.unsettled.set(userId, this.now() + this.unsettledMs);
    this.forgetUser(userId);
  }

  /** A notification from the database: the user's change committed (in this process or another). */
  userChanged(userId: string): void {
    this.unsettled.delete(userId);
    this.forgetUser(userId);
  }

  /** Whether notifications arrive; without them nothing is cached (and what was is dropped). */
  setListening(listening: boolean): void {
    this.listening = listening;
    if (!listening) this.clear();
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private forgetUser(userId: string): void {
    this.epoch++;
    for (const [key, entry] of this.entries) if (entry.actor.id === userId) this.entries.delete(key);
  }

  private isUnsettled(userId: string): boolean {
    const until = this.unsettled.get(userId);
    if (until === undefined) return false;
    if (this.now() < until) return true;
    this.unsettled.delete(userId);
    return false;
  }
}
