import type { PersonSummary } from '@opora/sdk';
import type { Database } from '../../db/database.js';
import { containsPattern } from '../../db/escape-like.js';

/** Colleagues as user fields show and pick them: names only, active accounts only when searching. */
export class UserDirectory {
  constructor(private readonly db: Database) {}

  async lookup(query: { q?: string; ids?: string[]; limit?: number }): Promise<{ items: PersonSummary[] }> {
    const limit = query.limit ?? 20;
    if (query.ids?.length) {
      // Named ids are shown even when the account was switched off since: the record still names them.
      const rows = await this.db.query<PersonSummary>(
        `select id, name from app_user where id::text = any(string_to_array(?, ',')) order by name limit ?`,
        [query.ids.join(','), limit],
      );
      return { items: rows };
    }
    const like = containsPattern(query.q ?? '');
    const rows = await this.db.query<PersonSummary>(
      `select id, name from app_user where active and (name ilike ? or login ilike ?) order by name, id limit ?`,
      [like, like, limit],
    );
    return { items: rows };
  }
}
