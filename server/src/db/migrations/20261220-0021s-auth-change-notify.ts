import { Migration } from '@mikro-orm/migrations';

/**
 * Every server process caches sessions and API tokens in memory (modules/auth/credential-cache.ts). A write that
 * ends or changes someone's credentials (a session or token deleted, a user's roles, password, name, locale or
 * `active` changed, a user deleted) announces the user's id on `opora_auth_changed`, so each process drops what
 * it cached for them. Triggers rather than calls at each writing place: no place that writes these tables,
 * now or later, can forget to; and the NOTIFY is sent inside the writing transaction, so it leaves on commit.
 * Statement-level triggers with transition tables: one trigger call however many rows a statement touches.
 */
export class Migration20261220AuthChangeNotify extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function opora_auth_gone_user_ids() returns trigger language plpgsql as $$
      begin
        perform pg_notify('opora_auth_changed', u) from (select distinct user_id::text as u from gone) ids;
        return null;
      end $$`);
    this.addSql(`create function opora_auth_gone_users() returns trigger language plpgsql as $$
      begin
        perform pg_notify('opora_auth_changed', u) from (select distinct id::text as u from gone) ids;
        return null;
      end $$`);
    this.addSql(`create function opora_auth_changed_users() returns trigger language plpgsql as $$
      begin
        perform pg_notify('opora_auth_changed', u) from (
          select distinct o.id::text as u from gone o join came n on n.id = o.id
          where (o.login, o.name, o.roles, o.locale, o.active, o.password_hash)
            is distinct from (n.login, n.name, n.roles, n.locale, n.active, n.password_hash)) ids;
        return null;
      end $$`);
    this.addSql(`create trigger session_gone_notify after delete on session
      referencing old table as gone for each statement execute function opora_auth_gone_user_ids()`);
    this.addSql(`create trigger api_token_gone_notify after delete on api_token
      referencing old table as gone for each statement execute function opora_auth_gone_user_ids()`);
    this.addSql(`create trigger app_user_gone_notify after delete on app_user
      referencing old table as gone for each statement execute function opora_auth_gone_users()`);
    this.addSql(`create trigger app_user_changed_notify after update on app_user
      referencing old table as gone new table as came for each statement execute function opora_auth_changed_users()`);
  }
}
