import type { EntityManager } from '@mikro-orm/postgresql';

/** One NOTIFY a transaction asked for. */
export interface Notice {
  channel: string;
  payload: string;
}

type RunSql = (sql: string, params: unknown[], em: EntityManager | undefined) => Promise<unknown>;

/**
 * NOTIFYs queued by the writes of one transaction, sent together in one statement just before it commits: a step
 * that tells three inboxes and a dispatcher pays one round trip, not four. PostgreSQL delivers NOTIFYs only on
 * commit anyway, so holding them to the end changes nothing a listener sees.
 */
export class TxNotices {
  /** Keyed by the transaction's context: a savepoint (a nested transaction) has its own and notifies at once. */
  private readonly pending = new WeakMap<object, Notice[]>();

  constructor(private readonly run: RunSql) {}

  /** Runs fn in em's transaction, then sends what it queued, still inside the transaction. */
  async around<T>(em: EntityManager, fn: (em: EntityManager) => Promise<T>): Promise<T> {
    const context = em.getTransactionContext<object>();
    if (!context) return fn(em);
    const queued: Notice[] = [];
    this.pending.set(context, queued);
    try {
      const result = await fn(em);
      await this.flush(queued, em);
      return result;
    } finally {
      this.pending.delete(context);
    }
  }

  /** Queues the NOTIFYs when em is a transaction run through {@link around}; otherwise sends them now. */
  async notify(notices: readonly Notice[], em?: EntityManager): Promise<void> {
    if (!notices.length) return;
    const context = em?.getTransactionContext<object>();
    const queued = context ? this.pending.get(context) : undefined;
    if (queued) queued.push(...notices);
    else await this.send(notices, em);
  }

  private async flush(queued: Notice[], em: EntityManager) {
    // Sending may not queue more: what arrives while sending goes in this batch or is sent on its own.
    while (queued.length) await this.send(queued.splice(0), em);
  }

  private async send(notices: readonly Notice[], em: EntityManager | undefined) {
    if (notices.length === 1) {
      const [only] = notices as [Notice];
      await this.run('select pg_notify(?, ?)', [only.channel, only.payload], em);
      return;
    }
    await this.run(
      'select pg_notify(n->>0, n->>1) from jsonb_array_elements(?::jsonb) n',
      [JSON.stringify(notices.map((n) => [n.channel, n.payload]))],
      em,
    );
  }
}
