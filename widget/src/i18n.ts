/** The widget's texts in Russian and English. */
const texts = {
  ru: {
    open: 'Открыть чат',
    close: 'Закрыть чат',
    title: 'Чат с поддержкой',
    placeholder: 'Напишите сообщение…',
    send: 'Отправить',
    attach: 'Приложить файл',
    emoji: 'Смайлики',
    typing: 'Оператор печатает…',
    sending: 'Отправляется',
    sent: 'Отправлено',
    delivered: 'Доставлено',
    read: 'Прочитано',
    failed: 'Не отправлено. Нажмите, чтобы повторить',
    offline: 'Нет связи. Сообщения отправятся, когда связь вернётся',
    dropHere: 'Отпустите файл, чтобы отправить',
    tooLarge: 'Файл больше 20 МБ',
    unread: 'непрочитанных',
    you: 'Вы',
    support: 'Поддержка',
    empty: 'Напишите нам — мы ответим здесь же.',
    loadFailed: 'Чат сейчас недоступен',
    ratingComment: 'Комментарий к оценке (необязательно)',
    ratingCommentSend: 'Отправить отзыв',
    ratingCommentThanks: 'Спасибо за отзыв!',
  },
  en: {
    open: 'Open chat',
    close: 'Close chat',
    title: 'Chat with support',
    placeholder: 'Write a message…',
    send: 'Send',
    attach: 'Attach a file',
    emoji: 'Emoji',
    typing: 'The operator is typing…',
    sending: 'Sending',
    sent: 'Sent',
    delivered: 'Delivered',
    read: 'Read',
    failed: 'Not sent. Click to retry',
    offline: 'No connection. Messages will be sent when it is back',
    dropHere: 'Drop the file to send it',
    tooLarge: 'The file is larger than 20 MB',
    unread: 'unread',
    you: 'You',
    support: 'Support',
    empty: 'Write to us — we will answer right here.',
    loadFailed: 'The chat is unavailable right now',
    ratingComment: 'A comment on your rating (optional)',
    ratingCommentSend: 'Send feedback',
    ratingCommentThanks: 'Thank you for your feedback!',
  },
} as const;

export type Lang = keyof typeof texts;
export type Texts = { [K in keyof (typeof texts)['ru']]: string };

/** `data-lang`, else the host page's own language (`<html lang>`), else the browser's; Russian unless English. */
export function languageOf(requested: string | undefined): Lang {
  const wanted = (requested || document.documentElement.lang || navigator.language || 'ru').toLowerCase();
  return wanted.startsWith('en') ? 'en' : 'ru';
}

export const textsFor = (lang: Lang): Texts => texts[lang];

/** A channel's own text (title, greeting) in the visitor's language, Russian when there is no English. */
export const localized = (text: { ru: string; en?: string } | null | undefined, lang: Lang) =>
  text ? (lang === 'en' && text.en ? text.en : text.ru) : '';
