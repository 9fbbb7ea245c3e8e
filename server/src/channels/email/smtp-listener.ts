import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { mailLimits } from './email-settings.js';

export interface SmtpListenerOptions {
  port: number;
  host?: string;
  /** Whether mail for this address is ours to take (the channels' support addresses). */
  acceptsRecipient(address: string): boolean | Promise<boolean>;
  /**
   * Takes one message. A rejection with a `MailRefusal` answers its code and text (a message we will never take);
   * any other rejection answers a temporary failure, so the sending server tries again later.
   */
  onMessage(raw: Buffer, envelope: { from: string | null; to: string[] }): Promise<void>;
  maxClients?: number;
}

/**
 * Inbound e-mail as a small SMTP server (off unless a port is configured): takes mail for the support addresses
 * only, refuses messages over the size limit while they arrive (never buffering more), and answers `250` only
 * once the message is stored — so a crash before that leaves it with the sending server, which retries.
 */
export function createSmtpListener(options: SmtpListenerOptions) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: mailLimits.messageBytes,
    maxClients: options.maxClients ?? 50,
    logger: false,
    banner: 'Opora',
    onRcptTo(address, _session, callback) {
      Promise.resolve()
        .then(() => options.acceptsRecipient(address.address.toLowerCase()))
        .then((ours) =>
          callback(ours ? undefined : new MailRefusal(550, `5.1.1 No mailbox ${address.address} here`)),
        )
        .catch(() => callback(new MailRefusal(451, '4.3.0 Cannot check the mailbox now, try again later')));
    },
    onData(stream, session, callback) {
      collect(stream)
        .then((raw) => {
          if (!raw) throw new MailRefusal(552, '5.3.4 Message too large');
          return options.onMessage(raw, envelopeOf(session));
        })
        .then(() => callback())
        .catch((error: unknown) =>
          callback(
            error instanceof MailRefusal
              ? error
              : new MailRefusal(451, '4.3.0 Message not taken, try again later'),
          ),
        );
    },
  });
  server.on('error', () => {
    // A broken client connection is that client's problem; the listener keeps serving the others.
  });
  return {
    listen: () =>
      new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host ?? '0.0.0.0', () =>
          resolve((server.server.address() as AddressInfo).port),
        );
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A message or recipient refused for a reason the sender is told: smtp-server answers `responseCode` and the text. */
export class MailRefusal extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** The message's bytes, or null when it passed the size limit (the rest is read and dropped, never kept). */
async function collect(stream: SMTPServerDataStream): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).byteLength;
    if (size <= mailLimits.messageBytes) chunks.push(chunk as Buffer);
  }
  return stream.sizeExceeded || size > mailLimits.messageBytes ? null : Buffer.concat(chunks);
}

function envelopeOf(session: SMTPServerSession) {
  const from = session.envelope.mailFrom;
  return {
    from: from ? from.address : null,
    to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
  };
}
