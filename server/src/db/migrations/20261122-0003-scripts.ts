import { Migration } from '@mikro-orm/migrations';

/** Secrets (encrypted at rest), compiled scripts per published version, and the record of script runs. */
export class Migration20261122Scripts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table secret (
      name text primary key,
      description text not null default '',
      cipher text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      updated_by text)`);
    this.addSql(`create table script_build (
      definition_id uuid not null references definition(id) on delete cascade,
      version integer not null,
      code text not null,
      source_map text not null,
      created_at timestamptz not null default now(),
      primary key (definition_id, version))`);
    this.addSql(`create table script_run (
      id uuid primary key,
      script_key text not null,
      script_version integer,
      trigger text not null,
      triggered_by text,
      started_at timestamptz not null,
      duration_ms double precision not null,
      cpu_ms double precision not null,
      memory_bytes bigint not null,
      sdk_calls integer not null,
      outcome text not null,
      error jsonb,
      logs jsonb not null default '[]',
      logs_truncated boolean not null default false)`);
    this.addSql('create index script_run_started_idx on script_run (started_at desc, id)');
    this.addSql('create index script_run_script_idx on script_run (script_key, started_at desc)');
  }
}
