import { Migration } from '@mikro-orm/migrations';

/** The durable job queue: jobs claimed with FOR UPDATE SKIP LOCKED under a lease, and cron schedules. */
export class Migration20261122Jobs extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table job (
      id bigserial primary key,
      name text not null,
      payload jsonb not null default '{}',
      idempotency_key text,
      status text not null default 'pending',
      run_at timestamptz not null default now(),
      attempts integer not null default 0,
      max_attempts integer not null default 5,
      locked_by text,
      locked_until timestamptz,
      last_error text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      finished_at timestamptz,
      constraint job_idempotency_key_unique unique (idempotency_key))`);
    this.addSql(`create index job_due_idx on job (run_at, id) where status = 'pending'`);
    this.addSql(`create index job_lease_idx on job (locked_until) where status = 'running'`);
    this.addSql(`create table job_schedule (
      name text primary key,
      cron text not null,
      job_name text not null,
      payload jsonb not null default '{}',
      timezone text not null default 'Europe/Moscow',
      next_run_at timestamptz not null,
      enabled boolean not null default true)`);
  }
}
