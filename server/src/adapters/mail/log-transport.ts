import type { MailMessage, MailTransport } from './mailer.js';

interface WarnLog {
  warn(obj: object, msg: string): void;
}

/**
 * Development without SMTP_URL: the message is written to the server log, marked so nobody mistakes it for
 * sent mail. Logged as a warning so it shows at the default and quieter log levels. The text, reset links
 * included, is in the message line: this is the only copy, and whoever reads the log runs the server.
 */
export class LogTransport implements MailTransport {
  constructor(private readonly log: WarnLog) {}

  async send(message: MailMessage): Promise<void> {
    this.log.warn(
      { mail: { to: message.to, subject: message.subject } },
      `MAIL NOT SENT (SMTP_URL is not set), written here instead — to ${message.to}: ${message.subject}\n` +
        `${message.text}\n--- end of mail ---`,
    );
  }
}
