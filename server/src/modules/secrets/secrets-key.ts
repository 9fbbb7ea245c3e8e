import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from '../../startup-error.js';

export const secretsKeyVariable = 'OPORA_SECRETS_KEY';
export const embeddedKeyFile = 'secrets.key';
const minimumLength = 16;

export interface SecretsKey {
  value: string | undefined;
  /** Where the key came from, as messages about it name it. */
  source: string;
  /** The key file was written just now (the first start of an embedded installation). */
  created: boolean;
}

export interface SecretsKeyOptions {
  /** OPORA_SECRETS_KEY, when set. */
  variable: string | undefined;
  dataDir: string;
  /** The embedded database: its key may live in DATA_DIR beside it. */
  embedded: boolean;
  /** Whether the database already holds encrypted secrets. */
  secretsStored: boolean;
}

/**
 * The key secrets are encrypted with: OPORA_SECRETS_KEY when set. Otherwise, on the embedded database, the file
 * DATA_DIR/secrets.key (the database and its key live side by side, so `npm start` stores secrets with no set-up),
 * created on first start — but never while secrets are already stored: a new key could not read them, so a lost
 * file is reported by name. Servers on PostgreSQL read the variable only, keeping the key out of the database's
 * backups.
 */
export function findSecretsKey(options: SecretsKeyOptions): SecretsKey {
  if (options.variable)
    return checked({ value: options.variable, source: `the variable ${secretsKeyVariable}`, created: false });
  if (!options.embedded) {
    if (options.secretsStored)
      throw new StartupError(
        `Secrets are stored in the database but the variable ${secretsKeyVariable} is not set (on PostgreSQL the ` +
          'key is read from it only): start the server with the key they were saved with',
      );
    return { value: undefined, source: `the variable ${secretsKeyVariable}`, created: false };
  }
  const file = join(options.dataDir, embeddedKeyFile);
  const source = `the file ${file}`;
  if (existsSync(file)) return checked({ value: readFileSync(file, 'utf8').trim(), source, created: false });
  if (options.secretsStored)
    throw new StartupError(
      `Secrets are stored in the database but their key was not found: the variable ${secretsKeyVariable} is not ` +
        `set and the key file ${file} does not exist. Put the key file back (from a backup of DATA_DIR) or set ` +
        `${secretsKeyVariable} to the key they were saved with`,
    );
  return { value: createKeyFile(options.dataDir, file), source, created: true };
}

function checked(key: SecretsKey): SecretsKey {
  if ((key.value ?? '').length < minimumLength)
    throw new StartupError(
      `The secrets key in ${key.source} must be at least ${minimumLength} characters long`,
    );
  return key;
}

function createKeyFile(dataDir: string, file: string): string {
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  // 'wx' fails if another process created it meanwhile, rather than silently replacing a key in use.
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
