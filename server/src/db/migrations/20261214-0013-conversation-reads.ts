import { Migration } from '@mikro-orm/migrations';

/**
 * How far each operator has read each conversation (`last_read_seq`, the `seq` of the last message they saw):
 * the work screen marks a conversation unread while a client message newer than that exists. One row per
 * operator and conversation; it only ever moves forward.
 */
export class Migration20261214ConversationReads extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table conversation_read (
      user_id uuid not null references app_user(id) on delete cascade,
      conversation_id uuid not null references conversation(id) on delete cascade,
      last_read_seq bigint not null check (last_read_seq >= 0),
      read_at timestamptz not null,
      primary key (user_id, conversation_id))`);
  }
}
