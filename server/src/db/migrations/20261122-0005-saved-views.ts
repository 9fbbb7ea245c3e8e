import { Migration } from '@mikro-orm/migrations';

/** Saved views of the generated record lists: a named set of columns, filters, sort and search, per user. */
export class Migration20261122SavedViews extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table saved_view (
      id uuid primary key,
      owner_id uuid not null references app_user(id) on delete cascade,
      entity text not null,
      name text not null,
      shared boolean not null default false,
      state jsonb not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint saved_view_name_unique unique (owner_id, entity, name))`);
    this.addSql('create index saved_view_entity_idx on saved_view (entity, shared)');
  }
}
