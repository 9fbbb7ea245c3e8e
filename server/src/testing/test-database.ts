import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../db/database.js';

/** The databases integration tests run against: always PGlite, plus the PostgreSQL server when DATABASE_URL is set. */
export interface DatabaseTarget {
  name: 'pglite' | 'postgresql';
  url?: string;
}

export const databaseTargets: DatabaseTarget[] = [
  { name: 'pglite' },
  ...(process.env.DATABASE_URL ? [{ name: 'postgresql' as const, url: process.env.DATABASE_URL }] : []),
];

export interface TestDatabase {
  db: Database;
  /** Connection string of the throwaway PostgreSQL database (undefined on PGlite). */
  url: string | undefined;
  dispose(): Promise<void>;
}

/** A fresh, migrated database: in-memory PGlite, or a throwaway database on the PostgreSQL server. */
export async function createTestDatabase(target: DatabaseTarget): Promise<TestDatabase> {
  if (!target.url) {
    const db = await openDatabase({});
    await db.migrate();
    return { db, url: undefined, dispose: () => db.close() };
  }
  const url = await createThrowawayDatabase(target.url);
  const db = await openDatabase({ databaseUrl: url });
  await db.migrate();
  return {
    db,
    url,
    async dispose() {
      await db.close();
      await dropDatabase(target.url!, url);
    },
  };
}

export async function createThrowawayDatabase(serverUrl: string): Promise<string> {
  const name = `opora_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(serverUrl: string, databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  await withAdmin(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
}

async function withAdmin(serverUrl: string, fn: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}
