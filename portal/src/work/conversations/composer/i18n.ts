import i18n from '../../../i18n';

/** The composer's texts: the template picker and the emoji panel, merged under `composer`. */
export const ru = {
  templates: 'Шаблоны ответов',
  templatesShort: 'Шаблоны',
  templatesHint: 'Шаблоны ответов (или наберите / в начале слова)',
  search: 'Найти шаблон',
  searchPlaceholder: 'Название, /сокращение, тег или текст',
  nothing: 'Подходящих шаблонов нет',
  loading: 'Ищем…',
  failed: 'Не удалось загрузить шаблоны',
  keys: '↑↓ — выбрать, Enter — вставить, Esc — закрыть',
  language: 'Язык шаблона',
  emoji: 'Эмодзи',
  attach: 'Прикрепить файл',
  attachHint: 'Или перетащите файлы в поле ответа, или вставьте из буфера обмена',
  dropHere: 'Отпустите, чтобы прикрепить',
  uploading: 'Загружается…',
  sizeKb: '{{n}} КБ',
  sizeMb: '{{n}} МБ',
  removeFile: 'Убрать файл «{{name}}»',
  fileRefused: {
    tooLarge: 'Больше 20 МБ — не отправить',
    tooMany: 'Не больше 10 файлов в ответе',
    failed: 'Не загрузился',
  },
};

export const en: typeof ru = {
  templates: 'Answer templates',
  templatesShort: 'Templates',
  templatesHint: 'Answer templates (or type / at the start of a word)',
  search: 'Find a template',
  searchPlaceholder: 'Title, /shortcut, tag or text',
  nothing: 'No matching templates',
  loading: 'Searching…',
  failed: 'Could not load the templates',
  keys: '↑↓ to choose, Enter to insert, Esc to close',
  language: 'Template language',
  emoji: 'Emoji',
  attach: 'Attach a file',
  attachHint: 'Or drag files onto the answer, or paste them',
  dropHere: 'Drop to attach',
  uploading: 'Uploading…',
  sizeKb: '{{n}} KB',
  sizeMb: '{{n}} MB',
  removeFile: 'Remove “{{name}}”',
  fileRefused: {
    tooLarge: 'Over 20 MB — cannot be sent',
    tooMany: 'At most 10 files per answer',
    failed: 'Upload failed',
  },
};

i18n.addResourceBundle('ru', 'translation', { composer: ru }, true, false);
i18n.addResourceBundle('en', 'translation', { composer: en }, true, false);
