import type { Locale } from '@opora/sdk';
import type { MailMessage } from '../../adapters/mail/index.js';

/** The password-reset mail in the account's language (Russian unless the account chose English). */
export function resetMail(
  to: string,
  user: { name: string; login: string; locale: Locale },
  link: string,
): MailMessage {
  if (user.locale === 'en')
    return {
      to,
      subject: 'Password reset',
      text: [
        `Hello, ${user.name}!`,
        '',
        `Someone (probably you) asked to reset the password of the account "${user.login}".`,
        'To set a new password, open this link:',
        link,
        '',
        'The link works once, within one hour. If you did not ask for this, ignore this mail:',
        'your password stays as it is.',
      ].join('\n'),
    };
  return {
    to,
    subject: 'Восстановление пароля',
    text: [
      `Здравствуйте, ${user.name}!`,
      '',
      `Кто-то (вероятно, вы) попросил сбросить пароль учётной записи «${user.login}».`,
      'Чтобы задать новый пароль, откройте ссылку:',
      link,
      '',
      'Ссылка действует один час и только один раз. Если вы не просили сброс, просто не обращайте',
      'внимания на это письмо: пароль останется прежним.',
    ].join('\n'),
  };
}

/** A used, expired or unknown link: said beside the token, in the caller's language. */
export const tokenInvalidText = {
  ru: 'Ссылка недействительна: она устарела или уже использована. Запросите новую.',
  en: 'The link is no longer valid: it expired or was already used. Ask for a new one.',
} satisfies Record<Locale, string>;
