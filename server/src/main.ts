import { buildApp } from './app.js';
import { readConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { JobWorker } from './jobs/index.js';
import { ensureAdmin } from './modules/auth/bootstrap-admin.js';
import { importDemoTemplate } from './modules/bundles/demo-template.js';
import { registerMaintenanceJobs } from './modules/jobs/maintenance-jobs.js';
import { embeddedKeyFile, embeddedSecretsKey } from './modules/secrets/embedded-key.js';

/** `npm start`: open the database (embedded unless DATABASE_URL), migrate, seed on first start, serve, shut down gracefully. */
async function main(): Promise<void> {
  const config = readConfig();
  const embeddedKey =
    !config.secretsKey && !config.databaseUrl ? embeddedSecretsKey(config.dataDir) : undefined;
  if (embeddedKey) config.secretsKey = embeddedKey.key;
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    log: (message) => process.stdout.write(`${message}\n`),
  });
  await db.migrate();
  // People at a terminal read logs; log shippers want JSON lines.
  const logger = process.stdout.isTTY
    ? {
        level: config.logLevel,
        transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } },
      }
    : { level: config.logLevel };
  const app = await buildApp({ db, config, logger });
  const log = app.log;
  // A backstop: every promise is meant to be handled where it is made; one that is not is logged, not fatal.
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));

  await app.services.secrets.verifyKey();
  if (embeddedKey?.created)
    log.info(
      `Secrets are encrypted with a key generated in ${config.dataDir}/${embeddedKeyFile}; keep it with the data`,
    );
  const admin = await ensureAdmin(db, config.adminPassword);

  const demo = await importDemoTemplate(db, app.services.bundles, config.demoTemplate);
  if (demo)
    log.info(
      { published: demo.published.length, records: demo.records },
      `Imported the "${config.demoTemplate}" template`,
    );

  const worker = new JobWorker(db, { instanceId: config.instanceId, log: app.log });
  await registerMaintenanceJobs(db, app.services.jobs, worker);
  if (config.runJobs) worker.start();

  await app.listen({ port: config.port, host: config.host });
  const base = `http://localhost:${config.port}`;
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  process.stdout.write(
    [
      '',
      `Opora is running (database: ${where})`,
      `  Portal:             ${base}/`,
      `  Designer:           ${base}/designer/`,
      `  Operator workspace: ${base}/operator`,
      `  API docs:           ${base}/api/docs`,
      ...(admin.password
        ? [
            '',
            `  First start: sign in as "admin" with password ${admin.password}`,
            '  (shown once; set ADMIN_PASSWORD to choose it yourself)',
          ]
        : []),
      '',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received: finishing in-flight work`);
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    await app.close();
    await worker.stop({ timeoutMs: 20_000 });
    await db.close();
    process.exit(0);
  };
  const stop = (signal: string) =>
    shutdown(signal).catch((error: unknown) => {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    });
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Opora failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
