import { Migration } from '@mikro-orm/migrations';

/** Portal client accounts linked to their client record, their notifications, and portal announcements. */
export class Migration20261201PortalAccounts extends Migration {
  override async up(): Promise<void> {
    // The client record a portal sign-up created; «Мои обращения» are the requests pointing at it.
    this.addSql('alter table app_user add column record_id uuid references record(id) on delete set null');
    this.addSql('create index app_user_record_idx on app_user (record_id) where record_id is not null');
    this.addSql(`create table notification (
      id uuid primary key,
      user_id uuid not null references app_user(id) on delete cascade,
      title text not null,
      text text not null default '',
      link text,
      read_at timestamptz,
      created_at timestamptz not null default now())`);
    this.addSql('create index notification_user_idx on notification (user_id, created_at desc)');
    this.addSql('create index notification_unread_idx on notification (user_id) where read_at is null');
    this.addSql(`create table announcement (
      id uuid primary key,
      title text not null,
      body text not null default '',
      severity text not null check (severity in ('info', 'maintenance', 'outage')),
      starts_at timestamptz not null,
      ends_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      created_by text,
      updated_by text,
      constraint announcement_window check (ends_at is null or ends_at > starts_at))`);
    this.addSql('create index announcement_window_idx on announcement (starts_at desc, ends_at)');
  }
}
