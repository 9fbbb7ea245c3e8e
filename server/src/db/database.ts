import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { type EntityManager, MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import pg from 'pg';
import { checkConnection } from './connection-check.js';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres.js';
import { entitySchemas } from './entities/index.js';
import {
  ForwardedListener,
  type GapHandler,
  type Listener,
  type NotifyHandler,
  PgListener,
  type Unlisten,
} from './listen.js';
import { migrations } from './migrations/index.js';
import { TxPending } from './tx-pending.js';

export type DatabaseKind = 'pglite' | 'postgresql';
/** One statement with its `?` placeholders' values. */
export interface Statement {
  sql: string;
  params: readonly unknown[];
}
export type Em = EntityManager;
/** What {@link Database.queryPrepared} binds. */
export type Scalar = string | number | boolean | Date | null;

/** The one handle on persistence the rest of the server gets: ORM, raw SQL in the caller's transaction, migrations. */
export interface Database {
  readonly kind: DatabaseKind;
  readonly orm: MikroORM;
  /** A fresh EntityManager (identity map) for one unit of work. */
  em(): Em;
  /** Runs fn in one transaction; everything it writes commits or rolls back together. */
  transaction<T>(fn: (em: Em) => Promise<T>): Promise<T>;
  /** Raw SQL (knex `?` placeholders) inside em's transaction when given. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], em?: Em): Promise<T[]>;
  /**
   * {@link Database.query} for a fixed statement of a hot path, inside em's transaction: on PostgreSQL a named
   * prepared statement, parsed and planned once per connection (a long CTE's planning can cost as much as running
   * it), its params bound rather than inlined. Params must be scalars (strings, numbers, booleans, dates, null):
   * an array would bind as one PostgreSQL array, not expand into a list as in `query`. Without em, on a
   * connection of the pool, outside any transaction. Elsewhere (the embedded database, an em whose deferred
   * writes wait to be sent) it is `query`.
   */
  queryPrepared<T = Record<string, unknown>>(sql: string, params: readonly Scalar[], em?: Em): Promise<T[]>;
  /**
   * A write whose answer nobody waits for. Inside a transaction of {@link Database.transaction} it is sent in front
   * of the transaction's next {@link Database.query} (one round trip for both) or with its commit; elsewhere at
   * once. Its failure fails that statement and so the transaction. What the transaction reads of it afterwards it
   * must read through `query` (the ORM's own calls do not send pending writes first).
   */
  defer(sql: string, params: unknown[], em?: Em): Promise<void>;
  /**
   * {@link Database.query} for the last statement of em's transaction: its deferred writes go in front of it and
   * its NOTIFYs after it, all in one round trip, so the commit follows with nothing left to send. A statement
   * after it still works (its NOTIFYs then go with the commit as usual).
   */
  finalQuery<T = Record<string, unknown>>(sql: string, params: unknown[], em: Em): Promise<T[]>;
  /**
   * Several statements sent in one round trip and run in order (a lock, then what it guards): answers each one's
   * rows. Deferred writes of em's transaction go first, as for {@link Database.query}.
   */
  batch(statements: readonly Statement[], em?: Em): Promise<unknown[][]>;
  /**
   * A NOTIFY on channel. Inside a transaction of {@link Database.transaction} it is queued and sent with the
   * others of that transaction in one statement just before the commit (delivered on commit as always).
   */
  notify(channel: string, payloads: string | readonly string[], em?: Em): Promise<void>;
  /**
   * Runs then (synchronous, must not throw) once em's transaction of {@link Database.transaction} has committed,
   * never on rollback; at once when em is no such transaction. For in-memory state that must follow a commit
   * without waiting for a NOTIFY to come back (a cache forgetting what the transaction changed).
   */
  afterCommit(em: Em | undefined, then: () => void): void;
  migrate(): Promise<void>;
  /**
   * Calls handler with every NOTIFY on channel (sent with pg_notify, delivered on commit), and onGap whenever
   * notifications may have been lost (the listening connection dropped); resolves to unlisten.
   */
  listen(channel: string, handler: NotifyHandler, onGap?: GapHandler): Promise<Unlisten>;
  ping(): Promise<boolean>;
  /**
   * What the database side is doing now, in words for the log when requests stall: the pool's connections in use
   * and callers waiting for one, and for the embedded database its backend's work (a statement running long).
   */
  describeWaits(): string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** Directory of the embedded PGlite database; ignored with databaseUrl. Omit both for an in-memory database. */
  dataDir?: string | undefined;
  poolMax?: number;
  /** Where ORM and migration messages go; silent by default. */
  log?: (message: string) => void;
  /** Called once if the embedded database stops without being asked to (its queries fail from then on). */
  onFailure?: (error: Error) => void;
}

/**
 * PostgreSQL (databaseUrl) or the embedded PGlite, both through MikroORM's PostgreSQL driver and `pg`: PGlite
 * runs in its own thread behind a Unix socket (see embedded-postgres.ts), so one code path serves both.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const embedded = options.databaseUrl ? undefined : await startEmbedded(options);
  const connection = embedded
    ? {
        ...embedded.connection,
        // PGlite is one backend: one connection, so no two transactions interleave in it (the pool queues).
        pool: { min: 0, max: 1 },
      }
    : { clientUrl: options.databaseUrl, pool: { min: 0, max: options.poolMax ?? 10 } };
  let orm: MikroORM;
  try {
    orm = await MikroORM.init({
      entities: entitySchemas,
      extensions: [Migrator],
      migrations: {
        migrationsList: migrations,
        tableName: 'opora_migrations',
        transactional: true,
        allOrNothing: true,
      },
      allowGlobalContext: false,
      logger: options.log ?? (() => undefined),
      ensureDatabase: false,
      driver: PostgreSqlDriver,
      ...connection,
    });
    await checkConnection(orm, options.databaseUrl).catch(async (error: unknown) => {
      await orm.close(true);
      throw error;
    });
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const listener = embedded
    ? forwardedListener(orm, embedded)
    : new PgListener(options.databaseUrl!, options.log);
  return wrap(orm, embedded, listener);
}

async function startEmbedded(options: DatabaseOptions): Promise<EmbeddedPostgres> {
  let dir: string | undefined;
  if (options.dataDir) {
    dir = join(options.dataDir, 'pgdata');
    mkdirSync(dir, { recursive: true });
  }
  const embedded = await startEmbeddedPostgres(dir);
  if (options.onFailure) embedded.onFailure(options.onFailure);
  return embedded;
}

function forwardedListener(orm: MikroORM, embedded: EmbeddedPostgres): Listener {
  const listener = new ForwardedListener((sql) => orm.em.getConnection().execute(sql));
  embedded.onNotification((channel, payload) => listener.deliver(channel, payload));
  return listener;
}

/** The query builder's client as far as borrowing one of its pooled connections goes. */
interface KnexPoolClient {
  acquireConnection(): Promise<pg.Client>;
  releaseConnection(connection: pg.Client): Promise<unknown>;
  /** The pool (tarn); absent until the first connection is asked for. */
  pool?: { max: number; numUsed(): number; numPendingAcquires(): number };
}

/** A transaction as MikroORM keeps it: knex's transactor, whose client holds the transaction's one connection. */
interface TransactionContext {
  client?: { acquireConnection?: () => Promise<unknown> };
  isCompleted?: () => boolean;
}

/** The pg connection a transaction runs on, or undefined when it is not a plain knex transaction (or is over). */
async function transactionClient(context: TransactionContext): Promise<pg.Client | undefined> {
  if (context.isCompleted?.() !== false || !context.client?.acquireConnection) return undefined;
  const connection = await context.client.acquireConnection();
  return connection instanceof pg.Client ? connection : undefined;
}

const preparedStatements = new Map<string, { name: string; text: string }>();

/**
 * A statement's name and `$n` text for the driver, made once per SQL text: the name is derived from the text, so
 * every connection prepares it under the same name, and the driver parses it on a connection only the first time.
 */
function preparedOf(sql: string): { name: string; text: string } {
  let prepared = preparedStatements.get(sql);
  if (!prepared) {
    let n = 0;
    // Our fixed statements use `?` only as placeholders (no `?` operators, none inside literals).
    const text = sql.replace(/\?/g, () => `$${++n}`);
    prepared = { name: `opora_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`, text };
    preparedStatements.set(sql, prepared);
  }
  return prepared;
}

/** Rows of one statement, or each statement's rows for several (`;`-separated, simple protocol). */
const answerOf = (result: pg.QueryResult | pg.QueryResult[]) =>
  Array.isArray(result) ? result.map((r) => r.rows) : result.rows;

function wrap(orm: MikroORM, embedded: EmbeddedPostgres | undefined, listener: Listener): Database {
  /** Once the embedded database has stopped, say so rather than report a missing socket. */
  const live = () => {
    if (embedded?.failure) throw embedded.failure;
  };
  const format = (sql: string, params: readonly unknown[]) =>
    orm.em.getPlatform().formatQuery(sql, [...params]);
  const run = async (sql: string, params: unknown[], em: Em | undefined) => {
    live();
    const context = em?.getTransactionContext<TransactionContext>();
    const client = context ? await transactionClient(context) : undefined;
    // In a transaction, straight on its connection: the ORM's and the query builder's layers around each
    // statement cost more than a short statement itself (formatted the same way, so it reads the same).
    if (client) return answerOf(await client.query(format(sql, params)));
    // Without em: straight on the pool, outside any transaction. Forking an EntityManager per query (as this did)
    // cost more than a short query itself: each fork writes process.env through Configuration.set.
    return orm.em.getConnection().execute(sql, params, 'all', context);
  };
  const pending = new TxPending((sql, em) => run(sql, [], em), format);
  /**
   * Sends `statements` (formatted) in one round trip, behind `before` (deferred writes) and ahead of `after` (the
   * NOTIFYs of a final statement): answers each of `statements` its rows. Formatted here, not by the driver: a `?`
   * inside a deferred write's literal is text, not a placeholder.
   */
  const together = async (
    statements: string[],
    em: Em | undefined,
    before: string[],
    after: string[] = [],
  ) => {
    const all = [...before, ...statements, ...after];
    const answers = (await run(all.join(';\n'), [], em)) as unknown[][] | unknown[];
    // One statement answers its rows; several, each one's.
    if (all.length === 1) return [answers as unknown[]];
    return (answers as unknown[][]).slice(before.length, before.length + statements.length);
  };
  const query = async <T>(sql: string, params: unknown[] = [], em?: Em): Promise<T[]> => {
    const before = pending.takeWrites(em);
    if (!before.length) return (await run(sql, params, em)) as T[];
    return ((await together([format(sql, params)], em, before))[0] ?? []) as T[];
  };
  const queryPrepared = async <T>(sql: string, params: readonly Scalar[], em?: Em): Promise<T[]> => {
    live();
    if (embedded) return query<T>(sql, [...params], em);
    const prepared = { ...preparedOf(sql), values: [...params] };
    const context = em?.getTransactionContext<TransactionContext>();
    if (!context) return onPooledConnection<T>(prepared);
    const client = pending.hasWrites(em) ? undefined : await transactionClient(context);
    if (!client) return query<T>(sql, [...params], em);
    return (await client.query<T & pg.QueryResultRow>(prepared)).rows;
  };
  /** Runs a prepared statement on a connection of the ORM's pool, outside any transaction; answers its rows. */
  const onPooledConnection = async <T>(prepared: pg.QueryConfig): Promise<T[]> => {
    const knexClient = orm.em.getConnection().getKnex().client as KnexPoolClient;
    const client = await knexClient.acquireConnection();
    try {
      return (await client.query<T & pg.QueryResultRow>(prepared)).rows;
    } finally {
      await knexClient.releaseConnection(client);
    }
  };
  const finalQuery = async <T>(sql: string, params: unknown[], em: Em): Promise<T[]> => {
    const { writes, notices } = pending.takeAll(em);
    if (!writes.length && !notices) return query<T>(sql, params, em);
    const [rows] = await together([format(sql, params)], em, writes, notices ? [notices] : []);
    return (rows ?? []) as T[];
  };
  const batch = (statements: readonly Statement[], em?: Em): Promise<unknown[][]> =>
    together(
      statements.map((s) => format(s.sql, s.params)),
      em,
      pending.takeWrites(em),
    );
  return {
    kind: embedded ? 'pglite' : 'postgresql',
    orm,
    em: () => orm.em.fork(),
    async transaction(fn) {
      live();
      const committed: (() => void)[] = [];
      const result = await orm.em.fork().transactional((em) => pending.around(em, fn, committed));
      for (const then of committed) then();
      return result;
    },
    query,
    queryPrepared,
    finalQuery,
    batch,
    defer: (sql, params, em) => pending.defer(sql, params, em),
    afterCommit: (em, then) => pending.afterCommit(em, then),
    notify: (channel, payloads, em) =>
      pending.notify(
        (typeof payloads === 'string' ? [payloads] : payloads).map((payload) => ({ channel, payload })),
        em,
      ),
    async migrate() {
      live();
      await orm.getMigrator().up();
    },
    listen: (channel, handler, onGap) => listener.listen(channel, handler, onGap),
    async ping() {
      if (embedded?.failure) return false;
      try {
        await orm.em.getConnection().execute('select 1');
        return true;
      } catch {
        return false;
      }
    },
    describeWaits() {
      const pool = (orm.em.getConnection().getKnex().client as KnexPoolClient).pool;
      const connections = pool
        ? `pool: ${pool.numUsed()} of ${pool.max} connections in use, ${pool.numPendingAcquires()} callers waiting for one`
        : 'pool: not open';
      return embedded ? `${connections}; embedded database: ${embedded.describe()}` : connections;
    },
    async close() {
      await listener.close();
      await orm.close(true);
      await embedded?.stop();
    },
  };
}
