import pg from 'pg';

/** Receives the payload of one NOTIFY, delivered after the sending transaction committed. */
export type NotifyHandler = (payload: string) => void;
/**
 * Called when notifications may have been lost: the listening connection dropped (and again once it is back).
 * What a handler keeps up to date by notifications (a cache) must start over.
 */
export type GapHandler = () => void;
export type Unlisten = () => Promise<void>;

export interface Listener {
  listen(channel: string, handler: NotifyHandler, onGap?: GapHandler): Promise<Unlisten>;
  close(): Promise<void>;
}

// Channels are interpolated into LISTEN (it takes no parameters), so only plain identifiers are accepted.
const channelPattern = /^[a-z_][a-z0-9_]{0,62}$/;

function checkChannel(channel: string): void {
  if (!channelPattern.test(channel)) throw new Error(`invalid notification channel ${channel}`);
}

/**
 * Who listens to which channel, for both listeners: the first handler of a channel subscribes it (`subscribe`
 * runs LISTEN), the last one to leave unsubscribes it; a failed subscribe leaves no handler behind.
 */
class ChannelHandlers {
  private readonly byChannel = new Map<string, Set<NotifyHandler>>();
  private readonly gapHandlers = new Set<GapHandler>();

  async add(
    channel: string,
    handler: NotifyHandler,
    onGap: GapHandler | undefined,
    subscribe: (first: boolean) => Promise<unknown>,
    unsubscribe: () => Promise<unknown>,
  ): Promise<Unlisten> {
    checkChannel(channel);
    const set = this.byChannel.get(channel) ?? new Set();
    const first = set.size === 0;
    set.add(handler);
    this.byChannel.set(channel, set);
    try {
      await subscribe(first);
    } catch (error) {
      set.delete(handler);
      if (!set.size) this.byChannel.delete(channel);
      throw error;
    }
    // A fresh wrapper per listen, so one handler listening twice is told twice and removed once per unlisten.
    const gap = onGap ? () => onGap() : undefined;
    if (gap) this.gapHandlers.add(gap);
    return async () => {
      if (gap) this.gapHandlers.delete(gap);
      set.delete(handler);
      if (set.size || this.byChannel.get(channel) !== set) return;
      this.byChannel.delete(channel);
      await unsubscribe().catch(() => undefined);
    };
  }

  deliver(channel: string, payload: string): void {
    for (const handler of this.byChannel.get(channel) ?? []) handler(payload);
  }

  /** Tells every gap handler; one that throws does not keep the others from hearing. */
  gap(log: (message: string) => void): void {
    for (const handler of this.gapHandlers) {
      try {
        handler();
      } catch (error) {
        log(`a notification gap handler failed (${(error as Error).message})`);
      }
    }
  }

  channels(): IterableIterator<string> {
    return this.byChannel.keys();
  }

  clear(): void {
    this.byChannel.clear();
    this.gapHandlers.clear();
  }
}

/**
 * The embedded database: one PGlite backend behind the ORM's pool of one connection. LISTEN and UNLISTEN go
 * through that pool, so they never run inside someone else's open transaction (which would undo them on
 * rollback): the pool's only connection is the transaction's until it ends. The backend's notifications are
 * handed over by its thread, whichever connection's commit sent them.
 */
export class ForwardedListener implements Listener {
  private readonly handlers = new ChannelHandlers();

  constructor(private readonly run: (sql: string) => Promise<unknown>) {}

  /** The embedded backend lives in this process: its notifications have no connection to lose, so no gap. */
  listen(channel: string, handler: NotifyHandler, onGap?: GapHandler): Promise<Unlisten> {
    return this.handlers.add(
      channel,
      handler,
      onGap,
      (first) => (first ? this.run(`listen ${channel}`) : Promise.resolve()),
      () => this.run(`unlisten ${channel}`),
    );
  }

  /** One notification from the backend. */
  deliver(channel: string, payload: string): void {
    this.handlers.deliver(channel, payload);
  }

  async close(): Promise<void> {
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
  private readonly handlers = new ChannelHandlers();
  private retryMs = 500;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private lostConnection = false;

  constructor(
    private readonly url: string,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  listen(channel: string, handler: NotifyHandler, onGap?: GapHandler): Promise<Unlisten> {
    return this.handlers.add(
      channel,
      handler,
      onGap,
      async (first) => {
        const client = await this.connect();
        if (first) await client.query(`listen ${channel}`);
      },
      async () => {
        if (!this.closed) await this.client?.query(`unlisten ${channel}`);
      },
    );
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
      this.handlers.deliver(message.channel, message.payload ?? '');
    });
    client.on('error', (error) => this.dropped(client, error));
    client.on('end', () => this.dropped(client, new Error('connection ended')));
    await client.connect();
    for (const channel of this.handlers.channels()) await client.query(`listen ${channel}`);
    this.client = client;
    this.retryMs = 500;
    // Listening again: what was sent while the connection was down is lost, so caches start over once more.
    if (this.lostConnection) this.handlers.gap(this.log);
    this.lostConnection = false;
    return client;
  }

  private dropped(client: pg.Client, error: Error): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    this.lostConnection = true;
    client.end().catch(() => undefined);
    this.log(`notification listener lost its connection (${error.message}); reconnecting`);
    this.handlers.gap(this.log);
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
