import nodemailer, { type Transporter } from 'nodemailer';
import { GiveUp } from '../job-queue/job-errors.js';
import type { MailMessage, MailTransport } from './mailer.js';

/**
 * Mail through the SMTP server of SMTP_URL (`smtp://user:pass@host:587`, `smtps://…:465`). An optional
 * `?from=` parameter names the sender; by default `no-reply@<host>`. Short timeouts: a job waits on it.
 */
export class SmtpTransport implements MailTransport {
  private readonly transporter: Transporter;
  private readonly from: string;

  constructor(smtpUrl: string) {
    const url = new URL(smtpUrl);
    this.from = url.searchParams.get('from') || `no-reply@${url.hostname}`;
    const secure = url.protocol === 'smtps:';
    this.transporter = nodemailer.createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      ...(url.username
        ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
        : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  /** A permanent refusal (5xx: no such mailbox, sender not allowed) is given up on; anything else is retried. */
  async send(message: MailMessage): Promise<void> {
    try {
      await this.transporter.sendMail({ from: this.from, ...message });
    } catch (error) {
      const code = (error as { responseCode?: unknown }).responseCode;
      if (typeof code === 'number' && code >= 500)
        throw new GiveUp(`the mail server refused the message for good (${code})`);
      throw error;
    }
  }
}
