import { Migration } from '@mikro-orm/migrations';

/**
 * Lists walk records by (sort key, id) rather than by offset, so the built-in orders get indexes ending in id;
 * the old index on (entity, created_at desc) is one of them less the id. Date and moment fields of records are
 * ordered through two immutable wrappers, so the indexes publishing builds on them are allowed: the values are
 * ISO dates and RFC 3339 moments with their offset (the record validator's formats), which read the same
 * whatever the session's DateStyle or TimeZone.
 */
export class Migration20261220RecordListKeys extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create index record_entity_created_id_idx on record (entity, created_at, id) where deleted_at is null',
    );
    this.addSql(
      'create index record_entity_updated_id_idx on record (entity, updated_at, id) where deleted_at is null',
    );
    this.addSql('drop index if exists record_entity_created_idx');
    this.addSql(
      `create function opora_date(value text) returns date language sql immutable strict parallel safe
       as $$ select value::date $$`,
    );
    this.addSql(
      `create function opora_timestamptz(value text) returns timestamptz language sql immutable strict parallel safe
       as $$ select value::timestamptz $$`,
    );
  }
}
