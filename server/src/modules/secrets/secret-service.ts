import type { Database, Em } from '../../db/database.js';
import { containsPattern } from '../../db/escape-like.js';
import { fail } from '../../http/app-error.js';
import { StartupError } from '../../startup-error.js';
import type { Actor } from '../auth/actor.js';
import type { SecretCipher } from './secret-cipher.js';

export interface SecretSummary {
  name: string;
  description: string;
  updatedAt: string;
  updatedBy: string | null;
}

interface SecretRow {
  name: string;
  description: string;
  cipher: string;
  updated_at: Date | string;
  updated_by: string | null;
}

const summary = (row: SecretRow): SecretSummary => ({
  name: row.name,
  description: row.description,
  updatedAt: new Date(row.updated_at).toISOString(),
  updatedBy: row.updated_by,
});

/** Secrets are written, listed by name and used by the HTTP gateway; their values never leave through the API. */
export class SecretService {
  constructor(
    private readonly db: Database,
    private readonly cipher: SecretCipher | undefined,
  ) {}

  /**
   * Start-up check: stored secrets need the key, and the key must be the one they were stored with. `source`
   * names where the key came from (see secrets-key.ts), so the message says which key is wrong.
   */
  async verifyKey(source = 'the variable OPORA_SECRETS_KEY'): Promise<void> {
    const [row] = await this.db.query<SecretRow>('select * from secret order by name limit 1');
    if (!row) return;
    if (!this.cipher)
      throw new StartupError(
        `Secrets are stored in the database but ${source} is not set: start the server with the key they were saved with`,
      );
    try {
      this.cipher.decrypt(row.name, row.cipher);
    } catch {
      throw new StartupError(
        `secret "${row.name}" cannot be decrypted: the key from ${source} is not the key it was stored with`,
      );
    }
  }

  async list(q?: string): Promise<{ items: SecretSummary[] }> {
    const rows = await this.db.query<SecretRow>(
      q ? `select * from secret where name ilike ? order by name` : 'select * from secret order by name',
      q ? [containsPattern(q)] : [],
    );
    return { items: rows.map(summary) };
  }

  async put(name: string, value: string, description: string | undefined, actor: Actor | null) {
    if (!this.cipher) throw fail.secretsKeyMissing();
    const cipher = this.cipher.encrypt(name, value);
    const [row] = await this.db.query<SecretRow>(
      `insert into secret (name, description, cipher, updated_by) values (?, ?, ?, ?)
       on conflict (name) do update set cipher = excluded.cipher, updated_at = now(), updated_by = excluded.updated_by,
         description = coalesce(?, secret.description)
       returning *`,
      [name, description ?? '', cipher, actor?.name ?? null, description ?? null],
    );
    return summary(row as SecretRow);
  }

  async remove(name: string): Promise<void> {
    const rows = await this.db.query<{ name: string }>('delete from secret where name = ? returning name', [
      name,
    ]);
    if (!rows.length) throw fail.notFound(`secret ${name}`);
  }

  /**
   * For the gateway only: the decrypted values of the named secrets. A missing secret is an error, unless `skipMissing` (masking wants
   * whichever of an integration's secrets exist, and none when no key is configured).
   */
  async values(
    names: readonly string[],
    options: { skipMissing?: boolean; em?: Em } = {},
  ): Promise<Map<string, string>> {
    const values = new Map<string, string>();
    if (!names.length) return values;
    if (!this.cipher) {
      if (options.skipMissing) return values;
      throw fail.secretsKeyMissing();
    }
    const rows = await this.db.query<SecretRow>(
      'select * from secret where name = any(string_to_array(?, chr(31)))',
      [names.join('\u001f')],
      options.em,
    );
    for (const row of rows) values.set(row.name, this.cipher.decrypt(row.name, row.cipher));
    if (!options.skipMissing) for (const name of names) if (!values.has(name)) throw fail.secretMissing(name);
    return values;
  }
}
