import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { defaultMaxima, type ScriptLimits } from '@opora/runtime/scripts';
import { type TrustProxy, trustProxyFrom } from './http/trust-proxy.js';
import { StartupError } from './startup-error.js';

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
  /** With the support-desk template: a demo team of operators and dialogs in the queues (DEMO_CONTENT=false skips). */
  demoContent: boolean;
  /** Password of that demo team (DEMO_PASSWORD; generated and shown once when unset). */
  demoPassword: string | undefined;
  /** Runs background jobs in this process (several processes may share one database). */
  runJobs: boolean;
  instanceId: string;
  /** How long a claimed job is this process's before another may take it over (JOB_LEASE_MS; a crashed process's jobs wait this long). */
  jobLeaseMs: number;
  /** Encrypts secrets at rest (OPORA_SECRETS_KEY, at least 16 characters); without it no secret can be stored. */
  secretsKey: string | undefined;
  /** The organisation's time zone (OPORA_TIME_ZONE): what "today" means in forms, the same in browser and server. */
  timeZone: string;
  /**
   * The install's language (OPORA_LANGUAGE: ru or en, ru by default): texts the server itself writes for staff —
   * a bot's hand-over note, for one — are in it.
   */
  language: 'ru' | 'en';
  /** The most a script may ask for, per run (SCRIPT_MAX_* variables). */
  scriptMaxima: ScriptLimits;
  /** Server-wide cap on one uploaded file (FILE_MAX_MB); a file field's own maxSizeMb can only lower it. */
  fileMaxMb: number;
  /** Which reverse proxies may tell the client's address (TRUST_PROXY); rate limits key on that address. */
  trustProxy: TrustProxy;
  /** Outgoing mail (SMTP_URL, smtp[s]://user:pass@host:port); without it mail is written to the log. */
  smtpUrl: string | undefined;
  /** Inbound e-mail: the SMTP listener's port (SMTP_LISTEN_PORT); off when unset. */
  smtpListenPort: number | undefined;
  /** The address it listens on (SMTP_LISTEN_HOST), 127.0.0.1 unless the mail relay is elsewhere. */
  smtpListenHost: string;
  /** Where users reach the portal (PUBLIC_URL): links in mail point here, never at a request's Host header. */
  publicUrl: string | undefined;
  /** Days an ended process instance is kept (PROCESS_HISTORY_DAYS, 365 by default), then deleted by a daily job. */
  processHistoryDays: number;
  /**
   * Seconds a process message no instance waits for is kept for one that will (PROCESS_MESSAGE_TTL_SECONDS);
   * 0, the default, refuses it instead.
   */
  processMessageTtlSeconds: number;
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
    demoContent: env.DEMO_CONTENT !== 'false',
    demoPassword: env.DEMO_PASSWORD || undefined,
    runJobs: env.RUN_JOBS !== 'false',
    instanceId: env.INSTANCE_ID ?? `opora-${randomBytes(4).toString('hex')}`,
    jobLeaseMs: intFrom(env.JOB_LEASE_MS, 60_000, 'JOB_LEASE_MS'),
    secretsKey: env.OPORA_SECRETS_KEY || undefined,
    timeZone: timeZoneFrom(env.OPORA_TIME_ZONE),
    language: languageFrom(env.OPORA_LANGUAGE),
    fileMaxMb: intFrom(env.FILE_MAX_MB, 100, 'FILE_MAX_MB'),
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    smtpUrl: urlFrom(env.SMTP_URL, ['smtp:', 'smtps:'], 'SMTP_URL'),
    smtpListenPort: env.SMTP_LISTEN_PORT ? portFrom(env.SMTP_LISTEN_PORT, 'SMTP_LISTEN_PORT') : undefined,
    smtpListenHost: env.SMTP_LISTEN_HOST || '127.0.0.1',
    publicUrl: urlFrom(env.PUBLIC_URL, ['http:', 'https:'], 'PUBLIC_URL')?.replace(/\/+$/, ''),
    processHistoryDays: intFrom(env.PROCESS_HISTORY_DAYS, 365, 'PROCESS_HISTORY_DAYS'),
    processMessageTtlSeconds: intFrom(env.PROCESS_MESSAGE_TTL_SECONDS, 0, 'PROCESS_MESSAGE_TTL_SECONDS'),
    scriptMaxima: {
      memoryMb: intFrom(env.SCRIPT_MAX_MEMORY_MB, defaultMaxima.memoryMb, 'SCRIPT_MAX_MEMORY_MB'),
      timeoutMs: intFrom(env.SCRIPT_MAX_TIMEOUT_MS, defaultMaxima.timeoutMs, 'SCRIPT_MAX_TIMEOUT_MS'),
      cpuMs: intFrom(env.SCRIPT_MAX_CPU_MS, defaultMaxima.cpuMs, 'SCRIPT_MAX_CPU_MS'),
      maxOutputBytes: intFrom(
        env.SCRIPT_MAX_OUTPUT_BYTES,
        defaultMaxima.maxOutputBytes,
        'SCRIPT_MAX_OUTPUT_BYTES',
      ),
      maxLogBytes: intFrom(env.SCRIPT_MAX_LOG_BYTES, defaultMaxima.maxLogBytes, 'SCRIPT_MAX_LOG_BYTES'),
      maxSdkCalls: intFrom(env.SCRIPT_MAX_SDK_CALLS, defaultMaxima.maxSdkCalls, 'SCRIPT_MAX_SDK_CALLS'),
    },
  };
}

function timeZoneFrom(value: string | undefined): string {
  const zone = value || 'Europe/Moscow';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new StartupError(`OPORA_TIME_ZONE must be an IANA time zone such as Europe/Moscow, got "${zone}"`);
  }
  return zone;
}

function languageFrom(value: string | undefined): 'ru' | 'en' {
  if (!value || value === 'ru') return 'ru';
  if (value === 'en') return 'en';
  throw new StartupError(`OPORA_LANGUAGE must be ru or en, got "${value}"`);
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new StartupError(`${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}

function portFrom(value: string, name: string): number {
  const port = intFrom(value, 0, name);
  if (port < 1 || port > 65535)
    throw new StartupError(`${name} must be a port between 1 and 65535, got "${value}"`);
  return port;
}

function urlFrom(value: string | undefined, protocols: string[], name: string): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new StartupError(`${name} must be a URL (${protocols.join(' or ')}//…)`);
  }
  if (!protocols.includes(url.protocol))
    throw new StartupError(`${name} must start with ${protocols.join(' or ')}//`);
  return value;
}
