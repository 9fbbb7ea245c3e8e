import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@opora/sdk';
import { roles } from '@opora/sdk';
import type { Clock } from '../adapters/clock.js';
import { buildApp } from '../app.js';
import type { Database } from '../db/database.js';
import type { TrustProxy } from '../http/trust-proxy.js';
import type { UiRoots } from '../modules/ui/ui-apps.js';
import type { WidgetLimits } from '../modules/widget/rate-windows.js';
import { createTestDatabase, type DatabaseTarget } from './test-database.js';

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

export interface Harness {
  app: TestApp;
  db: Database;
  /** DATA_DIR of this app (uploaded files live in its files/); a fresh temporary directory unless given. */
  dataDir: string;
  /** Headers of a signed-in browser user holding the role (session cookie + CSRF token). */
  as(role: Role): Promise<Record<string, string>>;
  /** Authorization header of an API token for a user holding the role. */
  tokenFor(role: Role): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export const testPassword = 'correct-horse-battery';

/** A real app on a real, freshly migrated database, with one user per role. */
export async function createHarness(
  target: DatabaseTarget,
  options: {
    loginRateLimit?: number;
    secretsKey?: string;
    dataDir?: string;
    /** Serve single-page apps built into these folders (no UI otherwise). */
    uiRoots?: UiRoots;
    trustProxy?: TrustProxy;
    /** The time the app reads (a fixed one makes timestamps predictable); the wall clock by default. */
    clock?: Clock;
    /** The install's language (OPORA_LANGUAGE); Russian by default. */
    language?: 'ru' | 'en';
    /** Raised widget limits (a benchmark's visitors write faster than people may). */
    widgetLimits?: Partial<WidgetLimits>;
    /** Seconds a process message no instance waits for is kept (PROCESS_MESSAGE_TTL_SECONDS); 0 refuses it. */
    processMessageTtlSeconds?: number;
  } = {},
): Promise<Harness> {
  const { db, dispose } = await createTestDatabase(target);
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'opora-test-')));
  const app = await buildApp({
    db,
    logger: false,
    serveUi: options.uiRoots !== undefined,
    uiRoots: options.uiRoots,
    clock: options.clock,
    widgetLimits: options.widgetLimits,
    config: {
      bodyLimitBytes: 1024 * 1024,
      secureCookies: false,
      sessionTtlHours: 1,
      logLevel: 'silent',
      loginRateLimit: options.loginRateLimit ?? 1000,
      trustProxy: options.trustProxy,
      secretsKey: options.secretsKey,
      dataDir,
      language: options.language,
      processMessageTtlSeconds: options.processMessageTtlSeconds,
    },
  });
  await app.ready();
  for (const role of roles)
    await app.users.create(
      { login: `${role}-user`, name: `Test ${role}`, password: testPassword, roles: [role] },
      null,
    );
  const sessions = new Map<Role, Record<string, string>>();
  const tokens = new Map<Role, Record<string, string>>();
  return {
    app,
    db,
    dataDir,
    async as(role) {
      if (!sessions.has(role)) sessions.set(role, await login(app, `${role}-user`, testPassword));
      return sessions.get(role)!;
    },
    async tokenFor(role) {
      if (!tokens.has(role)) {
        const user = (await app.users.list(`${role}-user`, 1, 0)).items[0]!;
        const { token } = await app.identity.issueToken(user.id, 'test');
        tokens.set(role, { authorization: `Bearer ${token}` });
      }
      return tokens.get(role)!;
    },
    async close() {
      await app.close();
      await dispose();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function login(
  app: TestApp,
  loginName: string,
  password: string,
): Promise<Record<string, string>> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { login: loginName, password },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'opora_session')!;
  return { cookie: `opora_session=${cookie.value}`, 'x-csrf-token': response.json().csrfToken };
}
