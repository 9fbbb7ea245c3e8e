import { createSmtpListener, MailRefusal } from '../../channels/email/smtp-listener.js';
import type { Database } from '../../db/database.js';
import type { ConversationStore } from './conversation-store.js';
import { publishedChannels } from './published-channel-list.js';
import { takeMail } from './take-mail.js';

export interface EmailInboundDeps {
  db: Database;
  conversations: ConversationStore;
}

/**
 * Inbound e-mail: the SMTP listener takes mail for the addresses of the published e-mail channels and each mail
 * goes into the conversation of the channel it was addressed to. Unknown recipients are refused at RCPT, a mail
 * that cannot be read (broken MIME, absurd headers, too many or too large files) is refused whole with the reason,
 * and the listener answers `250` only after the message is stored.
 */
export class EmailInbound {
  private listener?: ReturnType<typeof createSmtpListener>;

  constructor(private readonly deps: EmailInboundDeps) {}

  /** Starts listening; answers the port (useful with port 0). */
  async listen(port: number, host: string): Promise<number> {
    this.listener = createSmtpListener({
      port,
      host,
      acceptsRecipient: async (address) => (await this.channelKeysFor([address])).length > 0,
      onMessage: (raw, envelope) => this.take(raw, envelope.to),
    });
    return this.listener.listen();
  }

  async close(): Promise<void> {
    await this.listener?.close();
    this.listener = undefined;
  }

  /** Stores one mail in each channel it was addressed to (usually one); refuses what cannot be read. */
  async take(raw: Buffer, recipients: string[]): Promise<void> {
    const keys = await this.channelKeysFor(recipients);
    if (!keys.length) throw new MailRefusal(550, '5.1.1 No mailbox here');
    const taken = await takeMail(this.deps.conversations, raw, keys);
    if (!taken.ok) throw new MailRefusal(554, `5.6.0 Message refused: ${taken.reason}`);
  }

  /** The keys of the published e-mail channels whose support address is one of the recipients. */
  private async channelKeysFor(recipients: string[]): Promise<string[]> {
    const wanted = new Set(recipients.map((address) => address.toLowerCase()));
    const channels = await publishedChannels(this.deps.db, 'email');
    return channels
      .filter(({ body }) => body.settings.type === 'email' && wanted.has(body.settings.address.toLowerCase()))
      .map(({ key }) => key);
  }
}
