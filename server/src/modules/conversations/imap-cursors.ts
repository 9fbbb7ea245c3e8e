import type { MailboxCursor } from '../../channels/email/imap-settings.js';
import type { Database } from '../../db/database.js';

/** One polled mailbox: the channel it feeds, the account (user@host:port) and the folder. */
export interface MailboxAddress {
  channelKey: string;
  account: string;
  mailbox: string;
}

/** Where polling of each mailbox stands (table imap_mailbox_cursor). */
export class ImapCursors {
  constructor(private readonly db: Database) {}

  async read(at: MailboxAddress): Promise<MailboxCursor | null> {
    const [row] = await this.db.query<{ uid_validity: string; last_uid: string }>(
      `select uid_validity::text as uid_validity, last_uid::text as last_uid from imap_mailbox_cursor
        where channel_key = ? and account = ? and mailbox = ?`,
      [at.channelKey, at.account, at.mailbox],
    );
    return row ? { uidValidity: row.uid_validity, lastUid: Number(row.last_uid) } : null;
  }

  /** Moves the cursor; never back under the same UIDVALIDITY (a second poller catching up cannot undo progress). */
  async save(at: MailboxAddress, cursor: MailboxCursor): Promise<void> {
    await this.db.query(
      `insert into imap_mailbox_cursor (channel_key, account, mailbox, uid_validity, last_uid)
       values (?, ?, ?, ?::bigint, ?)
       on conflict (channel_key, account, mailbox) do update
          set last_uid = case when imap_mailbox_cursor.uid_validity = excluded.uid_validity
                              then greatest(imap_mailbox_cursor.last_uid, excluded.last_uid)
                              else excluded.last_uid end,
              uid_validity = excluded.uid_validity,
              updated_at = now()`,
      [at.channelKey, at.account, at.mailbox, cursor.uidValidity, cursor.lastUid],
    );
  }
}
