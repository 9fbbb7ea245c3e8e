import i18n from '../../i18n';

/** Escalation to the second line and the dialog's rating in «Диалоги»; registered under `escalation`. */
const ru = {
  action: 'Передать во вторую линию',
  title: 'Передать во вторую линию',
  hint: 'Будет создано обращение с перепиской диалога ({{count}} влож.); клиенту в чат придёт его номер.',
  create: 'Создать обращение',
  cancel: 'Отмена',
  failed: 'Не удалось создать обращение',
  request: 'Обращение № {{number}}',
  requestTitle: 'Диалог передан во вторую линию: {{title}}',
  done: 'Создано обращение № {{number}}, клиенту сообщили номер.',
  rating: 'Оценка клиента: {{score}} из 5',
  ratingAsked: 'Ждём оценку клиента',
  ratingComment: 'Комментарий: {{comment}}',
  dialogs: 'Диалоги обращения',
  dialog: 'Диалог ({{channel}}) от {{date}}',
};

const en: typeof ru = {
  action: 'Escalate to second line',
  title: 'Escalate to the second line',
  hint: 'A request will be created with the conversation’s transcript ({{count}} attachment(s)); the client gets its number in the chat.',
  create: 'Create request',
  cancel: 'Cancel',
  failed: 'Could not create the request',
  request: 'Request No. {{number}}',
  requestTitle: 'Escalated to the second line: {{title}}',
  done: 'Request No. {{number}} created; the client was told its number.',
  rating: 'Client’s rating: {{score}} of 5',
  ratingAsked: 'Waiting for the client’s rating',
  ratingComment: 'Comment: {{comment}}',
  dialogs: 'Conversations of this request',
  dialog: 'Conversation ({{channel}}) of {{date}}',
};

i18n.addResourceBundle('ru', 'translation', { escalation: ru }, true, false);
i18n.addResourceBundle('en', 'translation', { escalation: en }, true, false);
