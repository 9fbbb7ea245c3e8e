import { Migration } from '@mikro-orm/migrations';

/**
 * Bots talking to clients.
 *
 * - `bot_session`: one client's conversation with one published bot version, pinned (`bot_version`): a session
 *   runs the version it started on even after a new one is published. `state` is the engine's session as JSON;
 *   `status` is `active` while the session may still be stepped, `ended` once it jumped to another bot or the
 *   dialog closed. At most one active session per conversation. `handled_seq` is the last client message (by the
 *   conversation's `seq`) the session has taken, written in the transaction that stepped it: a turn is neither
 *   lost nor taken twice. Whether the bot is paused is the conversation's business (`handler` other than `bot`).
 */
export class Migration20261218BotSessions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table bot_session (
      id uuid primary key,
      conversation_id uuid not null references conversation(id) on delete cascade,
      bot_key text not null,
      bot_version integer not null,
      state jsonb not null,
      status text not null check (status in ('active', 'ended')),
      handled_seq bigint not null default 0,
      created_at timestamptz not null,
      updated_at timestamptz not null)`);
    this.addSql(
      `create unique index bot_session_active_idx on bot_session (conversation_id) where status = 'active'`,
    );
    this.addSql('create index bot_session_conversation_idx on bot_session (conversation_id, created_at)');
  }
}
