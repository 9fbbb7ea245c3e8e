import type { PageBody, PageWidget, PageWidgetConfig, PageWidgetType } from '@opora/runtime/definitions';
import { freshId } from './page-ops';
import type { PageLookups } from './use-page-lookups';

/**
 * The settings a widget starts with when dropped: a title in both languages and sensible counts, and the
 * first published tree/portal form where the widget needs one (the analyst changes it in the panel).
 */
const defaults: { [T in PageWidgetType]: (lookups: PageLookups) => PageWidgetConfig<T> } = {
  search: () => ({
    placeholder: { ru: 'Опишите вопрос, например «не могу войти»', en: 'Describe your question' },
  }),
  tree: (l) => ({ tree: l.trees?.[0]?.key ?? '', title: { ru: 'Помощник', en: 'Help assistant' } }),
  'popular-articles': () => ({ title: { ru: 'Популярные статьи', en: 'Popular articles' }, count: 5 }),
  categories: () => ({
    title: { ru: 'Разделы базы знаний', en: 'Knowledge base sections' },
    showCounts: true,
  }),
  'articles-by-tag': () => ({
    title: { ru: 'Новое в базе знаний', en: 'New in the knowledge base' },
    tag: '',
    count: 5,
  }),
  announcements: () => ({ title: { ru: 'Новости и объявления', en: 'News and announcements' }, count: 3 }),
  'feedback-form': (l) => ({
    form: (l.forms?.find((f) => f.portal) ?? l.forms?.[0])?.key ?? '',
    title: { ru: 'Напишите нам', en: 'Write to us' },
  }),
  'my-requests': () => ({ title: { ru: 'Мои обращения', en: 'My requests' }, count: 5 }),
  contact: () => ({
    channel: 'chat',
    title: { ru: 'Не нашли ответ?', en: 'No answer found?' },
    label: { ru: 'Написать в чат', en: 'Chat with us' },
  }),
  'rich-text': () => ({ html: '<p>Текст</p>' }),
};

export function defaultConfig<T extends PageWidgetType>(type: T, lookups: PageLookups): PageWidgetConfig<T> {
  return defaults[type](lookups);
}

/** A new widget of a type with a readable id unique on the page. */
export function newWidget(type: PageWidgetType, body: PageBody, lookups: PageLookups): PageWidget {
  return { id: freshId(body, type), type, config: defaultConfig(type, lookups) } as PageWidget;
}
