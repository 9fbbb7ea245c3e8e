import i18n from '../i18n';

/** The answer template form's texts; registered under `templateDesigner` at import. */
export const ru = {
  tab: 'Шаблон ответа',
  title: 'Название',
  titleHint: 'Его оператор видит в списке шаблонов, например «Сроки доставки»',
  text: 'Текст ответа',
  textHint:
    'Нажмите на переменную, чтобы вставить её туда, где стоит курсор. В чате она заменится значением.',
  variables: 'Переменные',
  shortcut: 'Сокращение',
  shortcutHint: 'Одно слово: оператор набирает «/» и его начало, например /привет',
  shortcutBad: 'Одно слово из букв, цифр, «-» или «_», до 32 знаков',
  tags: 'Теги',
  tagsHint: 'По одному на строке; по ним тоже ищут',
  lines: 'Линии',
  linesHint: 'На каких линиях предлагать шаблон. Ничего не выбрано — на всех.',
  linesNone: 'Опубликованных линий пока нет — шаблон предлагается во всех диалогах.',
  linesFailed: 'Не удалось загрузить линии',
  unknownLine: 'Линия «{{key}}» не опубликована',
  preview: 'Так увидит клиент',
  previewHint: 'С примерами значений: клиент {{client}}, оператор {{operator}}',
  previewEmpty: 'Напишите текст ответа, и здесь появится пример.',
  previewWithout: 'Если имени нет',
};

export const en: typeof ru = {
  tab: 'Answer template',
  title: 'Title',
  titleHint: 'Operators see it in the template list, e.g. “Delivery times”',
  text: 'Answer text',
  textHint: 'Click a variable to insert it at the caret. In the chat it is replaced by its value.',
  variables: 'Variables',
  shortcut: 'Shortcut',
  shortcutHint: 'One word: the operator types “/” and its start, e.g. /hello',
  shortcutBad: 'One word of letters, digits, “-” or “_”, up to 32 characters',
  tags: 'Tags',
  tagsHint: 'One per line; search reads them too',
  lines: 'Lines',
  linesHint: 'Lines the template is offered on. None chosen: all of them.',
  linesNone: 'No lines are published yet — the template is offered in every conversation.',
  linesFailed: 'Could not load the lines',
  unknownLine: 'Line “{{key}}” is not published',
  preview: 'What the client sees',
  previewHint: 'With sample values: client {{client}}, operator {{operator}}',
  previewEmpty: 'Write the answer text to see a sample here.',
  previewWithout: 'Without a name',
};

i18n.addResourceBundle('ru', 'translation', { templateDesigner: ru }, true, false);
i18n.addResourceBundle('en', 'translation', { templateDesigner: en }, true, false);
