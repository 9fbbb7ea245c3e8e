import { Migration } from '@mikro-orm/migrations';

/**
 * Uploaded files: metadata here, content on disk under DATA_DIR/files addressed by its SHA-256, so many rows
 * may share one blob. There is no record_id: which records hold a file is read from the records themselves
 * (their JSONB data, GIN-indexed), so a file copied into a second record or removed from its first needs no
 * bookkeeping that could drift.
 */
export class Migration20261122Files extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table file (
      id uuid primary key,
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      size bigint not null check (size >= 0),
      content_type text not null,
      name text not null,
      entity text not null,
      field text not null,
      created_by uuid references app_user(id) on delete set null,
      created_at timestamptz not null default now())`);
    this.addSql('create index file_sha256_idx on file (sha256)');
  }
}
