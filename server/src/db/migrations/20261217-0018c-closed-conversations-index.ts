import { Migration } from '@mikro-orm/migrations';

/**
 * Dialogs closed since a moment (the supervisor's «Нарушения SLA» of today reads those closed today): without it
 * the list would read every conversation ever closed, once a second per open board.
 */
export class Migration20261217ClosedConversationsIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index conversation_closed_at_idx on conversation (closed_at) where status = 'closed'`,
    );
  }
}
