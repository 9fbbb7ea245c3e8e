import { Migration } from '@mikro-orm/migrations';

/**
 * `process_subscription` keeps every message wait of a token: an event-based gateway may wait for one message
 * name under two correlations, and the key (instance, token, name) kept only one of them.
 */
export class Migration20261222ProcessSubscriptionWaits extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table process_subscription drop constraint process_subscription_pkey');
    this.addSql('create index process_subscription_instance_idx on process_subscription (instance_id)');
  }
}
