import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const embeddedKeyFile = 'secrets.key';

/**
 * The secrets key of an embedded installation: the database and its key live side by side in DATA_DIR, so
 * `npm start` can store secrets with no set-up. Servers on PostgreSQL set OPORA_SECRETS_KEY instead, keeping the
 * key away from the database and its backups.
 */
export function embeddedSecretsKey(dataDir: string): { key: string; created: boolean } {
  const file = join(dataDir, embeddedKeyFile);
  if (existsSync(file)) return { key: readFileSync(file, 'utf8').trim(), created: false };
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  // 'wx' fails if another process created it meanwhile, rather than silently replacing a key in use.
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return { key, created: true };
}
