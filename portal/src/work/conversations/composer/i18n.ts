import i18n from '../../../i18n';

/** The composer's texts: the template picker and the emoji panel, merged under `composer`. */
const ru = {
  templates: 'Шаблоны ответов',
  templatesHint: 'Шаблоны ответов (или наберите / в начале слова)',
  search: 'Найти шаблон',
  searchPlaceholder: 'Название, /сокращение, тег или текст',
  nothing: 'Подходящих шаблонов нет',
  loading: 'Ищем…',
  failed: 'Не удалось загрузить шаблоны',
  keys: '↑↓ — выбрать, Enter — вставить, Esc — закрыть',
  language: 'Язык шаблона',
  emoji: 'Эмодзи',
};

const en: typeof ru = {
  templates: 'Answer templates',
  templatesHint: 'Answer templates (or type / at the start of a word)',
  search: 'Find a template',
  searchPlaceholder: 'Title, /shortcut, tag or text',
  nothing: 'No matching templates',
  loading: 'Searching…',
  failed: 'Could not load the templates',
  keys: '↑↓ to choose, Enter to insert, Esc to close',
  language: 'Template language',
  emoji: 'Emoji',
};

i18n.addResourceBundle('ru', 'translation', { composer: ru }, true, false);
i18n.addResourceBundle('en', 'translation', { composer: en }, true, false);
