import i18n from '../i18n';

/** Texts of a request's thread (the client's request page and the operator's request card); under `thread`. */
export const ru = {
  title: 'Переписка',
  empty: 'Сообщений пока нет.',
  you: 'Вы',
  support: 'Служба поддержки',
  client: 'Клиент',
  specialist: 'Специалист',
  note: 'Внутренняя заметка',
  noteHint: 'Клиент не видит внутренние заметки.',
  byEmail: 'по почте',
  placeholder: 'Напишите сообщение…',
  send: 'Отправить',
  reply: 'Ответ клиенту',
  addNote: 'Внутренняя заметка',
  sending: 'Отправляем…',
  failed: 'Не удалось отправить: сервер недоступен. Текст сохранён — попробуйте ещё раз.',
  label: 'Текст сообщения',
  mailPromise: 'Ответ специалиста появится здесь и придёт на вашу почту.',
  mailed: 'Ответ клиенту также уйдёт на почту клиента.',
};

export const en: typeof ru = {
  title: 'Conversation',
  empty: 'No messages yet.',
  you: 'You',
  support: 'Support team',
  client: 'Client',
  specialist: 'Specialist',
  note: 'Internal note',
  noteHint: 'The client does not see internal notes.',
  byEmail: 'by e-mail',
  placeholder: 'Write a message…',
  send: 'Send',
  reply: 'Reply to client',
  addNote: 'Internal note',
  sending: 'Sending…',
  failed: 'Could not send: the server is unreachable. The text is kept — try again.',
  label: 'Message text',
  mailPromise: 'The specialist’s answer appears here and is sent to your e-mail.',
  mailed: 'A reply to the client is also sent to the client’s e-mail.',
};

i18n.addResourceBundle('ru', 'translation', { thread: ru }, true, false);
i18n.addResourceBundle('en', 'translation', { thread: en }, true, false);
