import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

/** Everything the server reads from the environment, read once at start-up (nothing else touches process.env). */
export interface Config {
  port: number;
  host: string;
  /** Embedded database, uploaded files and other local state live here. */
  dataDir: string;
  /** PostgreSQL server; when absent the embedded PGlite database in dataDir is used. */
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  logLevel: string;
  /** Marks the session cookie Secure; on by default outside plain-http localhost setups. */
  secureCookies: boolean;
  sessionTtlHours: number;
  bodyLimitBytes: number;
  /** Template bundle imported into an empty database on first start ('' disables). */
  demoTemplate: string;
  /** Runs background jobs in this process (several processes may share one database). */
  runJobs: boolean;
  instanceId: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFrom(env.PORT, 3000, 'PORT'),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.COOKIE_SECURE === 'true',
    sessionTtlHours: intFrom(env.SESSION_TTL_HOURS, 12, 'SESSION_TTL_HOURS'),
    bodyLimitBytes: intFrom(env.BODY_LIMIT_BYTES, 5 * 1024 * 1024, 'BODY_LIMIT_BYTES'),
    demoTemplate: env.DEMO_TEMPLATE ?? 'support-desk',
    runJobs: env.RUN_JOBS !== 'false',
    instanceId: env.INSTANCE_ID ?? `opora-${randomBytes(4).toString('hex')}`,
  };
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}
