import type { Locale } from '@opora/sdk';
import type { MailMessage } from '../../adapters/mail/index.js';

/** The e-mail confirmation mail sent at sign-up, in the account's language. */
export function confirmMail(to: string, user: { name: string; locale: Locale }, link: string): MailMessage {
  if (user.locale === 'en')
    return {
      to,
      subject: 'Confirm your e-mail address',
      text: [
        `Hello, ${user.name}!`,
        '',
        'Please confirm that this address is yours by opening the link:',
        link,
        '',
        'Requests you sent from this address without an account will then appear in your account.',
        'The link works for 24 hours. If you did not sign up, ignore this mail.',
      ].join('\n'),
    };
  return {
    to,
    subject: 'Подтвердите адрес электронной почты',
    text: [
      `Здравствуйте, ${user.name}!`,
      '',
      'Подтвердите, что этот адрес ваш, — откройте ссылку:',
      link,
      '',
      'После этого обращения, отправленные с этого адреса без учётной записи, появятся в личном кабинете.',
      'Ссылка действует 24 часа. Если вы не регистрировались, просто не обращайте внимания на это письмо.',
    ].join('\n'),
  };
}

export const confirmInvalidText = {
  ru: 'Ссылка недействительна: она устарела, уже использована или адрес с тех пор изменился. Запросите новое письмо в личном кабинете.',
  en: 'The link is no longer valid: it expired, was already used, or the address changed since. Ask for a new mail in your account.',
} satisfies Record<Locale, string>;
