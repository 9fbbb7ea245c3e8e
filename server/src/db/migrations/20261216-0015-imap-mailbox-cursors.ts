import { Migration } from '@mikro-orm/migrations';

/**
 * Where IMAP polling of each e-mail channel's mailbox stands: the highest UID taken (or skipped) under the
 * mailbox's UIDVALIDITY. A different UIDVALIDITY means the server renumbered the mailbox, and polling starts over
 * from the unseen messages. The account (user@host:port) is part of the key: the same folder name on another
 * server is another mailbox.
 */
export class Migration20261216ImapMailboxCursors extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table imap_mailbox_cursor (
         channel_key text not null,
         account text not null,
         mailbox text not null,
         uid_validity bigint not null,
         last_uid bigint not null,
         updated_at timestamptz not null default now(),
         primary key (channel_key, account, mailbox)
       )`,
    );
  }
}
