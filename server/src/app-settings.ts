import { resolve } from 'node:path';
import { defaultMaxima, type ScriptLimits } from '@opora/runtime/scripts';
import type { Config } from './config.js';
import type { TrustProxy } from './http/trust-proxy.js';

/** What buildApp is given: the parts of Config it uses, the rest defaulted (tests pass a few fields). */
export type AppConfig = Pick<Config, 'bodyLimitBytes' | 'secureCookies' | 'sessionTtlHours' | 'logLevel'> &
  Partial<
    Pick<
      Config,
      | 'secretsKey'
      | 'scriptMaxima'
      | 'timeZone'
      | 'language'
      | 'dataDir'
      | 'fileMaxMb'
      | 'instanceId'
      | 'trustProxy'
      | 'smtpUrl'
      | 'publicUrl'
      | 'smtpListenPort'
      | 'jobLeaseMs'
      | 'smtpListenHost'
      | 'processHistoryDays'
      | 'processMessageTtlSeconds'
    >
  > & {
    /** Sign-ins per minute per address; the portal's anonymous writes are limited from it too. */
    loginRateLimit?: number;
  };

/** AppConfig with every default filled in: what modules read as `app.settings`. */
export interface AppSettings {
  bodyLimitBytes: number;
  secureCookies: boolean;
  sessionTtlHours: number;
  logLevel: string;
  secretsKey: string | undefined;
  scriptMaxima: ScriptLimits;
  timeZone: string;
  /** The install's language, for texts the server writes for staff. */
  language: 'ru' | 'en';
  dataDir: string;
  fileMaxMb: number;
  instanceId: string;
  loginRateLimit: number;
  /** Which peers' X-Forwarded-* headers are believed (TRUST_PROXY). */
  trustProxy: TrustProxy;
  /** SMTP_URL; mail goes to the log without it. */
  smtpUrl: string | undefined;
  /** PUBLIC_URL without a trailing slash; links in mail fall back to the request's origin without it. */
  publicUrl: string | undefined;
  /** SMTP_LISTEN_PORT (0: any free port, for tests); inbound e-mail is off without it. */
  smtpListenPort: number | undefined;
  smtpListenHost: string;
  jobLeaseMs: number;
  /** Days an ended process instance is kept. */
  processHistoryDays: number;
  /** Seconds a message no instance waits for is kept; 0 refuses it. */
  processMessageTtlSeconds: number;
}

export function settingsFrom(config: AppConfig): AppSettings {
  return {
    bodyLimitBytes: config.bodyLimitBytes,
    secureCookies: config.secureCookies,
    sessionTtlHours: config.sessionTtlHours,
    logLevel: config.logLevel,
    secretsKey: config.secretsKey,
    scriptMaxima: config.scriptMaxima ?? defaultMaxima,
    timeZone: config.timeZone ?? 'Europe/Moscow',
    language: config.language ?? 'ru',
    // Same default as readConfig, for callers that build the app without a full Config.
    dataDir: config.dataDir ?? resolve('./data'),
    fileMaxMb: config.fileMaxMb ?? 100,
    instanceId: config.instanceId ?? 'opora',
    loginRateLimit: config.loginRateLimit ?? 10,
    trustProxy: config.trustProxy ?? false,
    smtpUrl: config.smtpUrl,
    publicUrl: config.publicUrl,
    smtpListenPort: config.smtpListenPort,
    smtpListenHost: config.smtpListenHost ?? '127.0.0.1',
    jobLeaseMs: config.jobLeaseMs ?? 60_000,
    processHistoryDays: config.processHistoryDays ?? 365,
    processMessageTtlSeconds: config.processMessageTtlSeconds ?? 0,
  };
}
