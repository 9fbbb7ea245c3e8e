import { Migration } from '@mikro-orm/migrations';

/**
 * Client ratings of closed dialogs (CSAT): one row per conversation, written when an operator closes it and the
 * client is asked. `operator_id` and `line_key` are copied at that moment, so a later transfer or a renamed line
 * does not move the rating. `question_message_id` is the message whose buttons rate; `token_hash` is the SHA-256
 * of the e-mail link's token (the token itself is never stored), valid until `token_expires_at`. A rating can be
 * changed while the dialog stays closed (`score`, `comment`, `rated_at`).
 *
 * Escalation needs no table: the conversation's `request_record_id` names the request it was handed to (a
 * request's own portal thread also uses that column, told apart by its channel).
 */
export class Migration20261216Csat extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table csat (
      conversation_id uuid primary key references conversation(id) on delete cascade,
      channel text not null,
      line_key text,
      operator_id uuid references app_user(id) on delete set null,
      question_message_id uuid references message(id) on delete set null,
      asked_at timestamptz not null,
      score smallint check (score between 1 and 5),
      comment text check (length(comment) <= 2000),
      rated_at timestamptz,
      token_hash text unique,
      token_expires_at timestamptz)`);
    this.addSql('create index csat_rated_idx on csat (rated_at) where score is not null');
    this.addSql('create index csat_line_idx on csat (line_key, rated_at)');
    this.addSql('create index csat_operator_idx on csat (operator_id, rated_at)');
  }
}
