import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Migrator } from '@mikro-orm/migrations';
import { type EntityManager, MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { PGliteDriver } from 'mikro-orm-pglite';
import { entitySchemas } from './entities/index.js';
import { migrations } from './migrations/index.js';

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
  }
  return wrap(orm, options.databaseUrl ? 'postgresql' : 'pglite', pglite);
}

async function openPglite(dataDir: string | undefined): Promise<PGlite> {
  if (!dataDir) return new PGlite();
  const dir = join(dataDir, 'pgdata');
  mkdirSync(dir, { recursive: true });
  return new PGlite(dir);
}

function wrap(orm: MikroORM, kind: DatabaseKind, pglite: PGlite | undefined): Database {
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
    async ping() {
      try {
        await orm.em.fork().getConnection().execute('select 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await orm.close(true);
      await pglite?.close();
    },
  };
}
