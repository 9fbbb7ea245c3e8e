import pg from 'pg';
import type { Database } from './database.js';

/** A lock that lasts while its holder's database session does (or until released). */
export interface SessionLock {
  /** False once the session that took it is gone: another process may hold it by now. */
  readonly held: boolean;
  release(): Promise<void>;
}

/**
 * Named locks for work that one server process at a time must do (polling one mailbox): PostgreSQL session-level
 * advisory locks on a connection of their own, so a process that dies or loses its connection lets go of them and
 * another takes over. The embedded database belongs to one process, so there the locks are this process's own.
 */
export interface SessionLocks {
  /** Takes the lock unless someone (another process, or another holder here) has it: null then. */
  tryLock(name: string): Promise<SessionLock | null>;
  /** Ends the session: every lock is released. */
  close(): Promise<void>;
}

export function sessionLocks(db: Database): SessionLocks {
  const url = db.orm.config.get('clientUrl');
  if (db.kind === 'postgresql' && url) return new AdvisoryLocks(url);
  const taken = localHolders.get(db) ?? new Set<string>();
  localHolders.set(db, taken);
  return new LocalLocks(taken);
}

// The locks' namespace (first key of the two-key advisory lock), so they cannot meet other uses of advisory locks.
const namespace = 'opora.session-lock';

class AdvisoryLocks implements SessionLocks {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  /** Bumped when the connection is lost: locks taken on an earlier one are no longer held. */
  private session = 0;
  private readonly names = new Set<string>();
  private closed = false;

  constructor(private readonly url: string) {}

  async tryLock(name: string): Promise<SessionLock | null> {
    if (this.closed || this.names.has(name)) return null;
    this.names.add(name);
    try {
      const client = await this.connect();
      const session = this.session;
      const { rows } = await client.query<{ taken: boolean }>(
        'select pg_try_advisory_lock(hashtext($1), hashtext($2)) as taken',
        [namespace, name],
      );
      if (!rows[0]?.taken || session !== this.session) {
        this.names.delete(name);
        return null;
      }
      return this.lock(name, client, session);
    } catch (error) {
      this.names.delete(name);
      throw error;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.dropped();
    // Released before the connection ends, so another process may take them as soon as this resolves.
    await client?.query('select pg_advisory_unlock_all()').catch(() => undefined);
    await client?.end().catch(() => undefined);
  }

  private lock(name: string, client: pg.Client, session: number): SessionLock {
    let released = false;
    const locks = this;
    return {
      get held() {
        return !released && session === locks.session;
      },
      async release() {
        if (released) return;
        released = true;
        locks.names.delete(name);
        if (session !== locks.session) return;
        await client
          .query('select pg_advisory_unlock(hashtext($1), hashtext($2))', [namespace, name])
          .catch(() => undefined);
      },
    };
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url });
    // A lost connection has lost its locks: their holders see `held` turn false and ask again.
    client.on('error', () => {
      if (this.client === client) this.dropped();
      client.end().catch(() => undefined);
    });
    client.on('end', () => {
      if (this.client === client) this.dropped();
    });
    await client.connect();
    if (this.closed) {
      await client.end().catch(() => undefined);
      throw new Error('session locks closed');
    }
    this.client = client;
    return client;
  }

  private dropped(): void {
    this.client = null;
    this.session += 1;
    this.names.clear();
  }
}

// The embedded database's locks, shared by whoever in this process uses the same database.
const localHolders = new WeakMap<Database, Set<string>>();

class LocalLocks implements SessionLocks {
  private readonly mine = new Set<string>();

  constructor(private readonly taken: Set<string>) {}

  async tryLock(name: string): Promise<SessionLock | null> {
    if (this.taken.has(name)) return null;
    this.taken.add(name);
    this.mine.add(name);
    let released = false;
    const locks = this;
    return {
      get held() {
        return !released && locks.mine.has(name);
      },
      async release() {
        if (released) return;
        released = true;
        locks.drop(name);
      },
    };
  }

  async close(): Promise<void> {
    for (const name of this.mine) this.drop(name);
  }

  private drop(name: string): void {
    if (!this.mine.delete(name)) return;
    this.taken.delete(name);
  }
}
