import { buildApp } from '../app.js';
import type { Database } from '../db/database.js';

type AppConfig = Parameters<typeof buildApp>[0]['config'];

/** One server process's app on a database another app may share, as `npm start` builds it (ready, not listening). */
export async function appOnDatabase(db: Database, dataDir: string, config: Partial<AppConfig> = {}) {
  const app = await buildApp({
    db,
    logger: false,
    serveUi: false,
    config: {
      bodyLimitBytes: 1024 * 1024,
      secureCookies: false,
      sessionTtlHours: 1,
      logLevel: 'silent',
      loginRateLimit: 1000,
      dataDir,
      ...config,
    },
  });
  await app.ready();
  return app;
}
