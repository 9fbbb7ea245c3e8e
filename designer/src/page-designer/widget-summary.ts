import type { PageWidget } from '@opora/runtime/definitions';
import type { TFunction } from 'i18next';
import type { PageLookups } from './use-page-lookups';

type LText = { ru: string; en?: string };
export const pick = (text: LText | undefined, lang: string): string =>
  text ? (lang === 'en' && text.en ? text.en : text.ru) : '';

const plain = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const clip = (text: string, length = 60) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);
const quoted = (text: string) => (text ? `«${clip(text, 40)}»` : '');

/**
 * The short line a canvas block shows under its name, e.g. «5 · раздел Оплата» for popular articles:
 * what a glance needs to tell two widgets of the same type apart.
 */
export function widgetSummary(
  widget: PageWidget,
  lookups: PageLookups,
  t: TFunction,
  lang: string,
): string[] {
  const s = (key: string, options?: Record<string, unknown>) => t(`pageDesigner.summary.${key}`, options);
  const count = (n: number | undefined) => (n ? [s('count', { count: n })] : []);
  const parts = (() => {
    switch (widget.type) {
      case 'search':
        return [quoted(pick(widget.config.placeholder, lang))];
      case 'tree': {
        const tree = lookups.trees?.find((d) => d.key === widget.config.tree);
        return [widget.config.tree ? s('tree', { name: tree?.name ?? widget.config.tree }) : s('noTree')];
      }
      case 'popular-articles': {
        const key = widget.config.category;
        const category = lookups.categories?.find((c) => c.key === key);
        return [
          ...count(widget.config.count),
          key ? s('category', { name: category ? pick(category.title, lang) : key }) : s('allCategories'),
        ];
      }
      case 'categories':
        return [widget.config.showCounts ? s('withCounts') : ''];
      case 'articles-by-tag':
        return [widget.config.tag ? `#${widget.config.tag}` : s('noTag'), ...count(widget.config.count)];
      case 'announcements':
        return [...count(widget.config.count), widget.config.includePast ? s('withPast') : ''];
      case 'feedback-form': {
        const form = lookups.forms?.find((f) => f.key === widget.config.form);
        return [widget.config.form ? s('form', { name: form?.name ?? widget.config.form }) : s('noForm')];
      }
      case 'my-requests':
        return count(widget.config.count);
      case 'contact':
        return [t(`pageDesigner.channels.${widget.config.channel}`), quoted(pick(widget.config.label, lang))];
      case 'rich-text':
        return [clip(plain(widget.config.html)) || s('emptyText')];
      default:
        // A type this designer does not know (a newer bundle): the JSON tab still shows it.
        return [];
    }
  })();
  return parts.filter(Boolean);
}

/** The widget's own title, when it has one (rich text has none). */
export const widgetTitle = (widget: PageWidget, lang: string): string =>
  'title' in widget.config ? pick(widget.config.title, lang) : '';
