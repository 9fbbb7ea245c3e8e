import type { Locale } from '@opora/sdk';
import type { JobContext } from '../../../adapters/job-queue/index.js';
import type { Mailer, MailMessage } from '../../../adapters/mail/index.js';
import type { Database } from '../../../db/database.js';

export const staffMailJobName = 'process.staff-mail';

export interface StaffMailPayload {
  userId: string;
  title: string;
  text: string;
  link: string | null;
  /** False when outbound mail was not configured as the notice was given: the job only records it. */
  mail?: boolean;
}

function staffMail(
  to: string,
  user: { name: string; locale: Locale },
  payload: StaffMailPayload,
  publicUrl: string | undefined,
) {
  const open = payload.link && publicUrl ? new URL(payload.link, publicUrl).toString() : null;
  const en = user.locale === 'en';
  return {
    to,
    subject: payload.title,
    text: [
      en ? `Hello, ${user.name}!` : `Здравствуйте, ${user.name}!`,
      '',
      payload.text,
      ...(open ? ['', en ? 'Open the task:' : 'Открыть задачу:', open] : []),
    ].join('\n'),
  } satisfies MailMessage;
}

/** Sends a process's notice to a staff member who has an e-mail; retried by the queue when the server refuses it. */
export function staffMailJob(deps: { db: Database; mailer: Mailer; publicUrl: string | undefined }) {
  return async (raw: unknown, { em }: JobContext): Promise<void> => {
    const payload = raw as StaffMailPayload;
    if (!payload.mail || typeof payload.userId !== 'string') return;
    const [user] = await deps.db.query<{ name: string; email: string | null; locale: Locale }>(
      `select name, email, locale from app_user where id = ? and active`,
      [payload.userId],
      em,
    );
    if (!user?.email) return;
    await deps.mailer.send(staffMail(user.email, user, payload, deps.publicUrl));
  };
}
