import { Migration } from '@mikro-orm/migrations';

/**
 * Gives every type that has a definition, a counter or a record its number sequence, continuing after the
 * highest number it used (exported for its test: the counters are gone once the migration has run).
 */
export const numberSequencesFromCounters = `do $$
  declare known record;
  begin
    for known in
      select entity, max(used) as used from (
        select entity, last_number as used from record_counter
        union all select entity, max(number) from record group by entity
        union all select key, 0 from definition where kind = 'entity'
      ) numbers group by entity
    loop
      execute format('create sequence if not exists %I', opora_number_sequence(known.entity));
      if known.used > 0 then
        perform setval(opora_number_sequence(known.entity)::regclass, known.used);
      end if;
    end loop;
  end $$`;

/**
 * A record's number comes from a sequence per data type instead of a counter row. The row was locked by every
 * create from its upsert to the commit, so concurrent creates of one type queued on it (a bare create's
 * transaction at 8 connections: ~1,200/s with the row, ~3,400/s with a sequence). A sequence hands out numbers
 * without waiting; a save that rolls back leaves its number unused. Publishing a new type creates its own.
 */
export class Migration20261223RecordNumberSequences extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create function opora_number_sequence(entity text) returns text language sql immutable strict parallel safe
       as $$ select 'record_no_' || left(md5(entity), 24) $$`,
    );
    this.addSql(numberSequencesFromCounters);
    this.addSql('drop table record_counter');
  }
}
