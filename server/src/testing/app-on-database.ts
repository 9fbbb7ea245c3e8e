import { buildApp } from '../app.js';
import type { Database } from '../db/database.js';

/** One server process's app on a database another app may share, as `npm start` builds it (ready, not listening). */
export async function appOnDatabase(db: Database, dataDir: string) {
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
    },
  });
  await app.ready();
  return app;
}
