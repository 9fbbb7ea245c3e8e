import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Migrator } from '@mikro-orm/migrations';
import { type EntityManager, MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { PGliteDriver } from 'mikro-orm-pglite';
import { entitySchemas } from './entities/index.js';
import { type Listener, type NotifyHandler, PgListener, pgliteListener, type Unlisten } from './listen.js';
import { migrations } from './migrations/index.js';
import { hasSeveralStatements } from './sql-statements.js';

export type DatabaseKind = 'pglite' | 'postgresql';
export type Em = EntityManager;

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
  migrate(): Promise<void>;
  /** Calls handler with every NOTIFY on channel (sent with pg_notify, delivered on commit); resolves to unlisten. */
  listen(channel: string, handler: NotifyHandler): Promise<Unlisten>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** Directory of the embedded PGlite database; ignored with databaseUrl. Omit both for an in-memory database. */
  dataDir?: string | undefined;
  poolMax?: number;
  /** Where ORM and migration messages go; silent by default. */
  log?: (message: string) => void;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const common = {
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
  };
  let pglite: PGlite | undefined;
  let orm: MikroORM;
  if (options.databaseUrl) {
    orm = await MikroORM.init({
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: options.databaseUrl,
      pool: { min: 0, max: options.poolMax ?? 10 },
    });
  } else {
    pglite = await openPglite(options.dataDir);
    const instance = pglite;
    // PGlite is one in-process Postgres; the driver borrows it so we decide when it closes.
    orm = (await MikroORM.init<PostgreSqlDriver>({
      ...common,
      driver: PGliteDriver,
      dbName: 'postgres',
      driverOptions: { connection: { pglite: () => instance } },
    } as never)) as MikroORM;
    splitStatementsByQuotes(orm);
  }
  const listener = pglite
    ? pgliteListener(pglite, (fn) => orm.em.fork().transactional(fn))
    : new PgListener(options.databaseUrl as string, options.log);
  return wrap(orm, options.databaseUrl ? 'postgresql' : 'pglite', pglite, listener);
}

// Trigram similarity (typo-tolerant search) is a contrib extension PGlite loads only when asked.
const pgliteExtensions = { pg_trgm };

async function openPglite(dataDir: string | undefined): Promise<PGlite> {
  if (!dataDir) return new PGlite({ extensions: pgliteExtensions });
  const dir = join(dataDir, 'pgdata');
  mkdirSync(dir, { recursive: true });
  return new PGlite(dir, { extensions: pgliteExtensions });
}

interface PgliteQuery {
  sql: string;
  bindings?: unknown[];
  method?: string;
  response?: unknown;
}

/**
 * The PGlite knex dialect runs raw SQL through `exec` (several statements, no parameters) whenever the text
 * contains more than one `;` — also when the semicolons sit inside string literals, as they do in any text a
 * user wrote. Only SQL with real top-level separators (migrations) goes that way here.
 */
function splitStatementsByQuotes(orm: MikroORM): void {
  type Dialect = { _query(connection: PGlite, obj: PgliteQuery): Promise<PgliteQuery> };
  const connection = orm.em.getConnection() as unknown as { getKnex(): { client: Dialect } };
  // On the prototype: knex builds each transaction's client from it, not from this instance.
  const dialect = Object.getPrototypeOf(connection.getKnex().client) as Dialect;
  dialect._query = async (pglite, obj) => {
    if (!obj.sql) throw new Error('The query is empty');
    obj.response =
      obj.method === 'raw' && !obj.bindings?.length && hasSeveralStatements(obj.sql)
        ? await pglite.exec(obj.sql)
        : await pglite.query(obj.sql, obj.bindings ?? []);
    return obj;
  };
}

function wrap(orm: MikroORM, kind: DatabaseKind, pglite: PGlite | undefined, listener: Listener): Database {
  return {
    kind,
    orm,
    em: () => orm.em.fork(),
    transaction: (fn) => orm.em.fork().transactional(fn),
    async query<T>(sql: string, params: unknown[] = [], em?: Em): Promise<T[]> {
      const target = em ?? orm.em.fork();
      return (await target
        .getConnection()
        .execute(sql, params, 'all', target.getTransactionContext())) as T[];
    },
    async migrate() {
      await orm.getMigrator().up();
    },
    listen: (channel, handler) => listener.listen(channel, handler),
    async ping() {
      try {
        await orm.em.fork().getConnection().execute('select 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await listener.close();
      await orm.close(true);
      await pglite?.close();
    },
  };
}
