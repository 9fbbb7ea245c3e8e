import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { mailLimits } from './email-settings.js';

export interface SmtpListenerOptions {
  port: number;
  host?: string;
  /** Whether mail for this address is ours to take (the channels' support addresses). */
  acceptsRecipient(address: string): boolean;
  /** Takes one message; a rejection answers a temporary failure, so the sending server tries again later. */
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
      if (options.acceptsRecipient(address.address.toLowerCase())) return callback();
      const refusal = Object.assign(new Error('No such mailbox here'), { responseCode: 550 });
      return callback(refusal);
    },
    onData(stream, session, callback) {
      collect(stream)
        .then((raw) => (raw ? options.onMessage(raw, envelopeOf(session)) : tooLarge()))
        .then(() => callback())
        .catch((error: { responseCode?: number }) =>
          callback(
            Object.assign(new Error('Message not taken, try again later'), {
              responseCode: error?.responseCode ?? 451,
            }),
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

const tooLarge = () => Promise.reject({ responseCode: 552 });

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
