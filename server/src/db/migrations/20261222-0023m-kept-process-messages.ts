import { Migration } from '@mikro-orm/migrations';

/**
 * A process message no instance waited for may be kept for a while (PROCESS_MESSAGE_TTL_SECONDS): its row holds
 * the message until an instance's new wait claims it or it expires.
 */
export class Migration20261222KeptProcessMessages extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'alter table process_message add column correlation text, add column message jsonb, add column expires_at timestamptz',
    );
    this.addSql(
      `create index process_message_kept_idx on process_message (name, received_at)
        where delivered = 0 and expires_at is not null`,
    );
  }
}
