import type { EntityManager } from '@mikro-orm/postgresql';

/** One NOTIFY a transaction asked for. */
export interface Notice {
  channel: string;
  payload: string;
}

/** Sends SQL already formatted (one statement or several, `;`-separated) in em's transaction; answers the rows. */
type Execute = (sql: string, em: EntityManager | undefined) => Promise<unknown>;
/** Inlines params into sql the way the driver's own formatting does (quoted literals). */
type Format = (sql: string, params: readonly unknown[]) => string;

interface Pending {
  /** Deferred writes, formatted, in the order asked. */
  writes: string[];
  notices: Notice[];
  /** Run once the transaction has committed (not on rollback). */
  committed: (() => void)[];
}

/**
 * What a transaction sends later than asked, to save round trips (each one a socket write and a wait):
 * - deferred writes (`defer`): statements whose answer nobody waits for, sent in front of the transaction's next
 *   statement of `Database.query`, in the same round trip, or just before the commit;
 * - NOTIFYs: sent just before the commit (PostgreSQL delivers them on commit anyway, so a listener sees no
 *   difference), together with any deferred writes still waiting: a step that writes its state and tells three
 *   inboxes pays one round trip for all of it.
 * Order is kept: a deferred write runs before every statement sent after it through `Database.query`. ORM calls
 * (em.find, em.flush) do not pass here; a transaction that defers must read what it deferred through `query`.
 */
export class TxPending {
  /** Keyed by the transaction's context: a savepoint (a nested transaction) has its own and sends at once. */
  private readonly pending = new WeakMap<object, Pending>();

  constructor(
    private readonly execute: Execute,
    private readonly format: Format,
  ) {}

  /**
   * Runs fn in em's transaction, then sends what it left pending, still inside the transaction. What fn asked to
   * run after the commit goes into `committed`, for the caller to run once the transaction has committed.
   */
  async around<T>(
    em: EntityManager,
    fn: (em: EntityManager) => Promise<T>,
    committed: (() => void)[],
  ): Promise<T> {
    const context = em.getTransactionContext<object>();
    if (!context) return fn(em);
    const pending: Pending = { writes: [], notices: [], committed };
    this.pending.set(context, pending);
    try {
      const result = await fn(em);
      await this.flush(pending, em);
      return result;
    } finally {
      this.pending.delete(context);
    }
  }

  /** Defers a write when em is a transaction run through {@link around}; otherwise sends it now. */
  async defer(sql: string, params: readonly unknown[], em?: EntityManager): Promise<void> {
    const pending = this.of(em);
    if (pending) pending.writes.push(this.format(sql, params));
    else await this.execute(this.format(sql, params), em);
  }

  /** Queues the NOTIFYs when em is a transaction run through {@link around}; otherwise sends them now. */
  async notify(notices: readonly Notice[], em?: EntityManager): Promise<void> {
    if (!notices.length) return;
    const pending = this.of(em);
    if (pending) pending.notices.push(...notices);
    else await this.execute(this.noticeSql(notices), em);
  }

  /** Runs then once em's transaction has committed; at once when em is no transaction run through {@link around}. */
  afterCommit(em: EntityManager | undefined, then: () => void): void {
    const pending = this.of(em);
    if (pending) pending.committed.push(then);
    else then();
  }

  /**
   * For the transaction's last statement: the deferred writes that go in front of it and the NOTIFYs that go after
   * it (taken: the caller sends them with it, and the commit has nothing left to send).
   */
  takeAll(em: EntityManager | undefined): { writes: string[]; notices: string | null } {
    const pending = this.of(em);
    if (!pending) return { writes: [], notices: null };
    const notices = pending.notices.splice(0);
    return { writes: pending.writes.splice(0), notices: notices.length ? this.noticeSql(notices) : null };
  }

  /** Whether deferred writes wait to go in front of em's next statement. */
  hasWrites(em: EntityManager | undefined): boolean {
    return (this.of(em)?.writes.length ?? 0) > 0;
  }

  /** The deferred writes that must go in front of em's next statement (taken: the caller sends them). */
  takeWrites(em: EntityManager | undefined): string[] {
    const pending = this.of(em);
    return pending?.writes.length ? pending.writes.splice(0) : [];
  }

  private of(em: EntityManager | undefined): Pending | undefined {
    const context = em?.getTransactionContext<object>();
    return context ? this.pending.get(context) : undefined;
  }

  private async flush(pending: Pending, em: EntityManager) {
    // Sending may not queue more: what arrives while sending goes in this batch or the next.
    while (pending.writes.length || pending.notices.length) {
      const notices = pending.notices.splice(0);
      const statements = [...pending.writes.splice(0), ...(notices.length ? [this.noticeSql(notices)] : [])];
      await this.execute(statements.join(';\n'), em);
    }
  }

  private noticeSql(notices: readonly Notice[]): string {
    if (notices.length === 1) {
      const [only] = notices as [Notice];
      return this.format('select pg_notify(?, ?)', [only.channel, only.payload]);
    }
    return this.format('select pg_notify(n->>0, n->>1) from jsonb_array_elements(?::jsonb) n', [
      JSON.stringify(notices.map((n) => [n.channel, n.payload])),
    ]);
  }
}
