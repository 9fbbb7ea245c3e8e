import { Migration } from '@mikro-orm/migrations';

/**
 * One-time links sent by mail (password reset, e-mail confirmation): only a SHA-256 of the token is kept, each
 * expires and is used once. And when a client's e-mail was confirmed: only then do requests sent anonymously
 * from that address become theirs.
 */
export class Migration20261211AccountTokens extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table account_token (
      id uuid primary key,
      user_id uuid not null references app_user(id) on delete cascade,
      purpose text not null check (purpose in ('password_reset', 'email_confirm')),
      token_hash text not null unique,
      email text,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null)`);
    this.addSql('create index account_token_user_idx on account_token (user_id, purpose)');
    this.addSql('alter table app_user add column email_confirmed_at timestamptz');
  }
}
