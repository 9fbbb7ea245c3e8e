import { Migration } from '@mikro-orm/migrations';

/**
 * Operators' state and the dialog queue.
 *
 * - `operator_profile`: one row per staff user who works dialogs: their status (online / away / offline, set by
 *   hand, by idleness or by closing their last live socket — `live_sockets` counts them across server processes),
 *   a capacity that overrides the lines' (1–6), the groups and skills lines are served by, and when they last got
 *   a dialog (ties in the queue go to whoever waited longest).
 * - On `conversation`: when it joined its line's queue (`queued_at`, FIFO within `priority`), when it was last
 *   given to an operator and the number of that offer (`offer_attempt`: an unanswered offer's timeout job carries
 *   it, so a stale job does nothing), who held it last, who let the last offer lapse (`skip_operator_id`, offered
 *   to someone else first), when it was last closed, and who a reopened dialog goes back to (`preferred_operator_id`).
 */
export class Migration20261216OperatorDistribution extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table operator_profile (
      user_id uuid primary key references app_user(id) on delete cascade,
      status text not null default 'offline' check (status in ('online', 'away', 'offline')),
      status_auto boolean not null default false,
      status_since timestamptz not null,
      capacity smallint check (capacity between 1 and 6),
      groups text[] not null default '{}',
      skills text[] not null default '{}',
      last_assigned_at timestamptz,
      live_sockets integer not null default 0 check (live_sockets >= 0),
      updated_at timestamptz not null)`);
    this.addSql(
      `create index operator_profile_online_idx on operator_profile (user_id) where status = 'online'`,
    );

    this.addSql(`alter table conversation
      add column queued_at timestamptz,
      add column priority smallint not null default 0,
      add column assigned_at timestamptz,
      add column offer_attempt integer not null default 0,
      add column last_operator_id uuid references app_user(id) on delete set null,
      add column skip_operator_id uuid references app_user(id) on delete set null,
      add column preferred_operator_id uuid references app_user(id) on delete set null,
      add column last_closed_at timestamptz`);
    // The queue's head per line: priority first, then first come first served.
    this.addSql(`create index conversation_queue_idx on conversation (line_key, priority desc, queued_at, id)
      where status = 'open' and handler = 'queue'`);
    // An operator's load: their open dialogs.
    this.addSql(`create index conversation_operator_load_idx on conversation (operator_id)
      where status = 'open' and handler = 'operator'`);
  }
}
