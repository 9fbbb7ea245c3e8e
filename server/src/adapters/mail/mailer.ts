/** One plain-text message; the body carries links, so no HTML is needed (and none to sanitize). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Threading, for mail the client may answer (a request's thread): its own id, where replies go, what it answers. */
  messageId?: string;
  replyTo?: string;
  inReplyTo?: string;
  references?: string[];
}

/** Where messages go: an SMTP server, the log, or a test's list. */
export interface MailTransport {
  /** Resolves once the message is accepted; throws when it is not (the calling job retries). */
  send(message: MailMessage): Promise<void>;
}

/**
 * The server's one way to send mail. Callers send from durable jobs, so a refused or unreachable server means a
 * retry later rather than a lost message. Tests swap the transport to read what was sent.
 */
export class Mailer {
  constructor(private transport: MailTransport) {}

  send(message: MailMessage): Promise<void> {
    return this.transport.send(message);
  }

  /** Replaces where mail goes (tests: an in-memory list); answers the previous transport. */
  useTransport(transport: MailTransport): MailTransport {
    const previous = this.transport;
    this.transport = transport;
    return previous;
  }
}
