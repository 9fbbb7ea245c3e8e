import { Migration } from '@mikro-orm/migrations';

/**
 * Operators' live sockets counted per server process, so a process that dies without closing them cannot keep
 * anyone online for ever.
 *
 * - `server_process`: one row per running process, its `seen_at` renewed by a heartbeat. A row not renewed for
 *   the expiry time belongs to a dead process: any other process (or the same data restarted) removes it.
 * - `operator_socket`: how many live sockets an operator has open on each process; removed with its process.
 * - `operator_profile.disconnected_at`: when the operator's last socket on any process closed (or its process was
 *   found dead); once the grace period has passed since then they go offline. It replaces `live_sockets`, one
 *   count across processes that a crash left wrong.
 */
export class Migration20261217ProcessPresence extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table server_process (
      id uuid primary key,
      started_at timestamptz not null,
      seen_at timestamptz not null)`);
    this.addSql(`create table operator_socket (
      process_id uuid not null references server_process(id) on delete cascade,
      user_id uuid not null references app_user(id) on delete cascade,
      sockets integer not null check (sockets > 0),
      primary key (user_id, process_id))`);
    this.addSql('create index operator_socket_process_idx on operator_socket (process_id)');
    this.addSql('alter table operator_profile add column disconnected_at timestamptz');
    this.addSql('alter table operator_profile drop column live_sockets');
  }
}
