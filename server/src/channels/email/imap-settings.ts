/** An IMAP mailbox to poll, with its password already read from the secret store. */
export interface ImapSettings {
  host: string;
  port: number;
  /** TLS from the first byte; otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  password: string;
  /** The folder new mail arrives in (INBOX). */
  mailbox: string;
}

/** Where polling of one mailbox stands: the highest UID taken or passed over under the mailbox's UIDVALIDITY. */
export interface MailboxCursor {
  uidValidity: string;
  lastUid: number;
}
