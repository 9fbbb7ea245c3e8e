import { Migration } from '@mikro-orm/migrations';

/**
 * Per-block statistics of bots, derived from the sessions themselves (as question trees do from their walks).
 *
 * - `bot_session.reached`: the blocks the session has run, each once, grown in the same update that saves a
 *   step — no extra statement per turn, and bounded by the bot version's block count.
 * - `bot_session.handed_over_from`: the blocks from which the session handed the dialog to operators.
 * - An index by bot and version: the statistics read a bot's sessions, never the whole table.
 */
export class Migration20261219BotBlockStats extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table bot_session add column reached text[] not null default '{}'`);
    this.addSql(`alter table bot_session add column handed_over_from text[] not null default '{}'`);
    this.addSql('create index bot_session_bot_idx on bot_session (bot_key, bot_version)');
  }
}
