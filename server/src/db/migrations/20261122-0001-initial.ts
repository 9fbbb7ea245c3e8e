import { Migration } from '@mikro-orm/migrations';

/** Users, sessions, tokens, definitions with immutable versions, records with Russian full-text search, audit log. */
export class Migration20261122Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table app_user (
      id uuid primary key,
      login text not null unique,
      name text not null,
      email text,
      password_hash text not null,
      roles text[] not null default '{}',
      locale text not null default 'ru',
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now())`);
    this.addSql(`create table session (
      id text primary key,
      user_id uuid not null references app_user(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null)`);
    this.addSql('create index session_user_idx on session(user_id)');
    this.addSql(`create table api_token (
      id uuid primary key,
      user_id uuid not null references app_user(id) on delete cascade,
      name text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      last_used_at timestamptz)`);
    this.addSql(`create table definition (
      id uuid primary key,
      kind text not null,
      key text not null,
      name text not null,
      description text not null default '',
      status text not null default 'draft',
      body jsonb not null,
      draft_version integer not null default 1,
      latest_version integer,
      has_unpublished_changes boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      created_by text,
      updated_by text,
      constraint definition_kind_key_unique unique (kind, key))`);
    this.addSql(`create table definition_version (
      id uuid primary key,
      definition_id uuid not null references definition(id) on delete restrict,
      version integer not null,
      name text not null,
      body jsonb not null,
      published_at timestamptz not null default now(),
      published_by text,
      constraint definition_version_unique unique (definition_id, version))`);
    this.addSql(`create table record_counter (entity text primary key, last_number bigint not null)`);
    this.addSql(`create table record (
      id uuid primary key,
      entity text not null,
      number bigint not null,
      entity_version integer not null,
      data jsonb not null,
      title text not null default '',
      search_text text not null default '',
      search tsvector generated always as (to_tsvector('russian', search_text)) stored,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      created_by text,
      updated_by text,
      deleted_at timestamptz,
      constraint record_number_unique unique (entity, number))`);
    this.addSql(
      'create index record_entity_created_idx on record(entity, created_at desc) where deleted_at is null',
    );
    this.addSql('create index record_search_idx on record using gin(search)');
    this.addSql('create index record_data_idx on record using gin(data jsonb_path_ops)');
    this.addSql(`create table audit_log (
      id bigserial primary key,
      at timestamptz not null default now(),
      actor_id text,
      actor_name text,
      action text not null,
      target_type text not null,
      target_id text not null,
      entity text,
      before jsonb,
      after jsonb)`);
    this.addSql('create index audit_target_idx on audit_log(target_type, target_id, at desc)');
  }
}
