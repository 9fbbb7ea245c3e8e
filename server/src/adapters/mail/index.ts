import { LogTransport } from './log-transport.js';
import { Mailer } from './mailer.js';
import { SmtpTransport } from './smtp-transport.js';

export type { MailMessage, MailTransport } from './mailer.js';
export { Mailer } from './mailer.js';

/** SMTP when SMTP_URL is set, otherwise the log (development). */
export function createMailer(
  smtpUrl: string | undefined,
  log: ConstructorParameters<typeof LogTransport>[0],
) {
  return new Mailer(smtpUrl ? new SmtpTransport(smtpUrl) : new LogTransport(log));
}
