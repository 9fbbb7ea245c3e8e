import type { Locale } from '@opora/sdk';

/** What the client is told in the chat when their dialog becomes a request. */
export function escalatedNotice(locale: Locale, number: number): string {
  return locale === 'en'
    ? `Your request No. ${number} has been passed to a specialist. We will write as soon as there is news; ` +
        'you can follow it under «My requests» in your personal account.'
    : `Ваше обращение № ${number} передано специалисту. Мы напишем, как только появятся новости; ` +
        'следить за ним можно в личном кабинете, в разделе «Мои обращения».';
}

/** The subject of a request made from a dialog that had none. */
export const fallbackSubject = (locale: Locale, channel: string) =>
  locale === 'en' ? `Conversation (${channel})` : `Диалог (${channel})`;
