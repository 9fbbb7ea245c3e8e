import i18n from '../i18n';

/** The announcements screen's texts (registered under `announcements`). */
export const ru = {
  pageTitle: 'Объявления',
  hint: 'Сообщения о плановых работах и авариях. Пока объявление действует, портал показывает его баннером.',
  create: 'Создать объявление',
  createTitle: 'Новое объявление',
  editTitle: 'Изменить объявление',
  save: 'Сохранить',
  edit: 'Изменить',
  delete: 'Удалить',
  deleteTitle: 'Удалить объявление?',
  deleteText: 'Объявление «{{title}}» будет удалено и пропадёт с портала.',
  empty: 'Объявлений нет',
  title: 'Заголовок',
  titleRequired: 'Введите заголовок',
  body: 'Текст',
  severity: 'Тип',
  severities: { info: 'Информация', maintenance: 'Плановые работы', outage: 'Авария' },
  phases: { current: 'Действует', planned: 'Запланировано', past: 'Завершено' },
  startsAt: 'Начало',
  endsAt: 'Окончание',
  endsHint: 'Можно не указывать: тогда объявление действует, пока его не удалят или не зададут окончание',
  period: '{{from}} — {{to}}',
  from: 'С {{from}}, без срока окончания',
  problems: {
    startsRequired: 'Укажите начало',
    startsInvalid: 'Неверная дата начала',
    endsInvalid: 'Неверная дата окончания',
    endsBeforeStarts: 'Окончание не может быть раньше начала',
  },
};

export const en: typeof ru = {
  pageTitle: 'Announcements',
  hint: 'Notices of planned maintenance and outages. While one is active, the portal shows it as a banner.',
  create: 'New announcement',
  createTitle: 'New announcement',
  editTitle: 'Edit the announcement',
  save: 'Save',
  edit: 'Edit',
  delete: 'Delete',
  deleteTitle: 'Delete the announcement?',
  deleteText: 'The announcement “{{title}}” will be deleted and leave the portal.',
  empty: 'No announcements',
  title: 'Title',
  titleRequired: 'Type a title',
  body: 'Text',
  severity: 'Kind',
  severities: { info: 'Information', maintenance: 'Planned maintenance', outage: 'Outage' },
  phases: { current: 'Active', planned: 'Planned', past: 'Over' },
  startsAt: 'Starts',
  endsAt: 'Ends',
  endsHint: 'Optional: without it, the announcement stays until deleted or given an end',
  period: '{{from}} — {{to}}',
  from: 'From {{from}}, no end set',
  problems: {
    startsRequired: 'Set the start',
    startsInvalid: 'The start date is invalid',
    endsInvalid: 'The end date is invalid',
    endsBeforeStarts: 'The end cannot be before the start',
  },
};

i18n.addResourceBundle('ru', 'translation', { announcements: ru }, true, false);
i18n.addResourceBundle('en', 'translation', { announcements: en }, true, false);
