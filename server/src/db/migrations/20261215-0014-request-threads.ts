import { Migration } from '@mikro-orm/migrations';

/**
 * Requests have a thread: a conversation of the `portal` channel, linked to its request, where the client (in
 * «Мои обращения» or by replying to the e-mail notification) and the specialists write. One thread per request,
 * so opening it twice at once cannot make two.
 */
export class Migration20261215RequestThreads extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table contact drop constraint contact_channel_check');
    this.addSql(
      `alter table contact add constraint contact_channel_check
         check (channel in ('widget', 'telegram', 'email', 'webhook', 'portal'))`,
    );
    this.addSql(
      `create unique index conversation_request_thread_idx on conversation (request_record_id)
         where channel = 'portal'`,
    );
  }
}
