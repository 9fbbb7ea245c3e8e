import { buildApp, startBackgroundWork } from './app.js';
import { readConfig } from './config.js';
import { checkDataDir } from './data-dir.js';
import { type Database, openDatabase } from './db/database.js';
import { ensureAdmin } from './modules/auth/bootstrap-admin.js';
import { importDemoTemplate } from './modules/bundles/demo-template.js';
import { demoTeamText, installDemoContent, isDemoInstallation } from './modules/demo/demo-install.js';
import { findSecretsKey } from './modules/secrets/secrets-key.js';
import { StartupError } from './startup-error.js';

/** Closed cleanly if start-up fails after opening it (PGlite then needs no crash recovery next time). */
let openedDb: Database | undefined;

/** `npm start`: open the database (embedded unless DATABASE_URL), migrate, seed on first start, serve, shut down gracefully. */
async function main(): Promise<void> {
  const config = readConfig();
  const embedded = !config.databaseUrl;
  checkDataDir(config.dataDir, embedded);
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    log: (message) => process.stdout.write(`${message}\n`),
    // The embedded database's thread died (a fault inside PGlite): serving on would only fail every request.
    onFailure: (error) => {
      process.stderr.write(`Opora stopped: ${error.message}\n`);
      process.exit(1);
    },
  });
  openedDb = db;
  await db.migrate();
  const secretsKey = findSecretsKey({
    variable: config.secretsKey,
    dataDir: config.dataDir,
    embedded,
    secretsStored: await hasSecrets(db),
  });
  config.secretsKey = secretsKey.value;
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

  await app.secrets.verifyKey(secretsKey.source);
  if (secretsKey.created)
    log.info(`Secrets are encrypted with a key generated in ${secretsKey.source}; keep it with the data`);
  const admin = await ensureAdmin(db, app.users, config.adminPassword);

  const demo = await importDemoTemplate(db, app.bundles, config.demoTemplate);
  if (demo)
    log.info(
      { published: demo.published.length, records: demo.records },
      `Imported the "${config.demoTemplate}" template`,
    );
  const team =
    config.demoContent && (await isDemoInstallation(app, config.demoTemplate, demo !== null))
      ? await installDemoContent(app, config.demoPassword)
      : null;
  if (team?.dialogsCreated) log.info(`Demo contact centre: ${team.dialogsCreated} dialogs on the site chat`);

  if (config.runJobs) await startBackgroundWork(app);

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
      `  Supervisor board:   ${base}/supervisor`,
      `  API docs:           ${base}/api/docs`,
      ...(admin.password
        ? [
            '',
            `  First start: sign in as "admin" with password ${admin.password}`,
            '  (shown once; set ADMIN_PASSWORD to choose it yourself)',
          ]
        : []),
      ...(team?.staffCreated
        ? [
            '',
            `  Demo operators ${demoTeamText}: password ${team.password ?? 'from DEMO_PASSWORD'}`,
            ...(team.password ? ['  (shown once; set DEMO_PASSWORD to choose it yourself)'] : []),
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

async function hasSecrets(db: Database): Promise<boolean> {
  return (await db.query('select 1 from secret limit 1')).length > 0;
}

main().catch(async (error: unknown) => {
  // A setting or a directory to fix needs its message, not a stack trace.
  const text =
    error instanceof StartupError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : error;
  process.stderr.write(`Opora failed to start: ${String(text)}\n`);
  await openedDb?.close().catch(() => undefined);
  process.exit(1);
});
