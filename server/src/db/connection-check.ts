import type { MikroORM } from '@mikro-orm/postgresql';
import { StartupError } from '../startup-error.js';

/** Why the database could not be opened, in words that say what to change. */
export class DatabaseUnavailableError extends StartupError {}

/**
 * Connects once at start-up, so a wrong DATABASE_URL fails there with a clear message. A database that does not
 * exist is never created here: MikroORM's migrator would create it silently, hiding a typo in the name.
 */
export async function checkConnection(orm: MikroORM, databaseUrl: string | undefined): Promise<void> {
  const check = await orm.checkConnection();
  if (check.ok) return;
  const reason = check.reason ?? 'no reason given';
  if (!databaseUrl) throw new DatabaseUnavailableError(`The embedded database does not answer: ${reason}`);
  throw new DatabaseUnavailableError(describeFailure(databaseUrl, reason, check.error));
}

function describeFailure(databaseUrl: string, reason: string, error: Error | undefined): string {
  const target = describeTarget(databaseUrl);
  if (!target) return `DATABASE_URL is not a valid postgres:// address: ${reason}`;
  const code = (error as { code?: string } | undefined)?.code;
  if (code === '3D000')
    return (
      `DATABASE_URL names the database "${target.database}", which does not exist on ${target.server}. ` +
      `Create it first (for example: createdb -h ${target.host} -p ${target.port} -U ${target.user} ` +
      `${target.database}) or correct DATABASE_URL; Opora does not create databases.`
    );
  return `Cannot connect to PostgreSQL database "${target.database}" on ${target.server} (DATABASE_URL): ${reason}`;
}

/** The parts of the address worth printing (never the password). */
function describeTarget(databaseUrl: string) {
  try {
    const url = new URL(databaseUrl);
    const host = decodeURIComponent(url.hostname) || 'localhost';
    const port = url.port || '5432';
    return {
      host,
      port,
      server: `${host}:${port}`,
      user: decodeURIComponent(url.username) || 'postgres',
      database: decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username) || 'postgres',
    };
  } catch {
    return undefined;
  }
}
