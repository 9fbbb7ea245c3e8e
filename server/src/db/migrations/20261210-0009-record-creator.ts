import { Migration } from '@mikro-orm/migrations';

/**
 * Who created a record, by user id: a client's own records include those they created (names are not
 * identities). Existing records take it from their creation's audit row.
 */
export class Migration20261210RecordCreator extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table record add column created_by_id uuid');
    this.addSql(`update record r set created_by_id = a.actor_id::uuid from audit_log a
      where a.target_type = 'record' and a.action = 'create' and a.target_id = r.id::text
        and a.actor_id ~ '^[0-9a-f-]{36}$'`);
    this.addSql(
      'create index record_creator_idx on record (entity, created_by_id) where created_by_id is not null',
    );
  }
}
