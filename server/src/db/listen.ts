import pg from 'pg';

/** Receives the payload of one NOTIFY, delivered after the sending transaction committed. */
export type NotifyHandler = (payload: string) => void;
export type Unlisten = () => Promise<void>;

export interface Listener {
  listen(channel: string, handler: NotifyHandler): Promise<Unlisten>;
  close(): Promise<void>;
}

// Channels are interpolated into LISTEN (it takes no parameters), so only plain identifiers are accepted.
const channelPattern = /^[a-z_][a-z0-9_]{0,62}$/;

function checkChannel(channel: string): void {
  if (!channelPattern.test(channel)) throw new Error(`invalid notification channel ${channel}`);
}

/**
 * The embedded database: one PGlite backend behind the ORM's pool of one connection. LISTEN and UNLISTEN go
 * through that pool, so they never run inside someone else's open transaction (which would undo them on
 * rollback): the pool's only connection is the transaction's until it ends. The backend's notifications are
 * handed over by its thread, whichever connection's commit sent them.
 */
export class ForwardedListener implements Listener {
  private readonly handlers = new Map<string, Set<NotifyHandler>>();
  private closed = false;

  constructor(private readonly run: (sql: string) => Promise<unknown>) {}

  async listen(channel: string, handler: NotifyHandler): Promise<Unlisten> {
    checkChannel(channel);
    const set = this.handlers.get(channel) ?? new Set();
    const first = set.size === 0;
    set.add(handler);
    this.handlers.set(channel, set);
    try {
      if (first) await this.run(`listen ${channel}`);
    } catch (error) {
      set.delete(handler);
      if (!set.size) this.handlers.delete(channel);
      throw error;
    }
    return async () => {
      set.delete(handler);
      if (set.size || this.closed) return;
      this.handlers.delete(channel);
      await this.run(`unlisten ${channel}`).catch(() => undefined);
    };
  }

  /** One notification from the backend. */
  deliver(channel: string, payload: string): void {
    for (const handler of this.handlers.get(channel) ?? []) handler(payload);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.handlers.clear();
  }
}

/**
 * PostgreSQL: one dedicated connection outside the pool (a pooled one would be handed to others and lose its
 * LISTENs), opened on first use and reopened with back-off when it drops. Notifications sent while it is down
 * are lost; live clients refetch when they reconnect, so nothing is lost for good.
 */
export class PgListener implements Listener {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly handlers = new Map<string, Set<NotifyHandler>>();
  private retryMs = 500;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  async listen(channel: string, handler: NotifyHandler): Promise<Unlisten> {
    checkChannel(channel);
    const set = this.handlers.get(channel) ?? new Set();
    const first = set.size === 0;
    set.add(handler);
    this.handlers.set(channel, set);
    try {
      const client = await this.connect();
      if (first) await client.query(`listen ${channel}`);
    } catch (error) {
      set.delete(handler);
      if (!set.size) this.handlers.delete(channel);
      throw error;
    }
    return async () => {
      set.delete(handler);
      if (set.size || this.closed) return;
      this.handlers.delete(channel);
      await this.client?.query(`unlisten ${channel}`).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
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
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    client.on('error', (error) => this.dropped(client, error));
    client.on('end', () => this.dropped(client, new Error('connection ended')));
    await client.connect();
    for (const channel of this.handlers.keys()) await client.query(`listen ${channel}`);
    this.client = client;
    this.retryMs = 500;
    return client;
  }

  private dropped(client: pg.Client, error: Error): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    client.end().catch(() => undefined);
    this.log(`notification listener lost its connection (${error.message}); reconnecting`);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect().catch((error: Error) => {
        this.log(`notification listener could not reconnect (${error.message})`);
        this.retryMs = Math.min(this.retryMs * 2, 30_000);
        this.scheduleReconnect();
      });
    }, this.retryMs);
    this.retryTimer.unref();
  }
}
