import type { Locale } from '../definitions/kinds.js';
import { type LocalizedText, templateText } from './render-template.js';

/** The fields of a published answer template the operator's search reads. */
export interface SearchableTemplate {
  key: string;
  title: LocalizedText;
  text: LocalizedText;
  shortcut?: string | null;
  tags?: readonly string[];
  /** Line keys the template is offered on; empty: every line. */
  lines: readonly string[];
}

export interface TemplateQuery {
  q?: string;
  line?: string;
  locale: Locale;
  limit: number;
}

/** Lower case with «ё» read as «е», so «ещё» finds «еще» and the other way round. */
export const foldForSearch = (text: string): string => text.toLocaleLowerCase('ru').replaceAll('ё', 'е');

/**
 * The templates an operator is offered on a line, best matches first: a shortcut starting with the query, then a
 * title starting with it, then the query anywhere in the shortcut or title, then in the tags, then in the text;
 * the line's own templates before those for every line, then alphabetical (by shortcut, then title) within a rank.
 * At most `limit`.
 */
export function searchTemplates<T extends SearchableTemplate>(
  templates: readonly T[],
  query: TemplateQuery,
): T[] {
  const q = foldForSearch(query.q?.trim() ?? '');
  const ranked: { template: T; rank: number; order: string }[] = [];
  for (const template of templates) {
    if (query.line && template.lines.length > 0 && !template.lines.includes(query.line)) continue;
    const rank = q ? rankOf(template, q, query.locale) : 0;
    if (rank < 0) continue;
    const title = templateText(template.title, query.locale);
    // A line's own templates come before those offered everywhere, within a rank.
    const own = query.line && template.lines.length > 0 ? 0 : 1;
    ranked.push({
      template,
      rank: rank * 2 + own,
      order: foldForSearch(`${template.shortcut ?? '\uffff'} ${title}`),
    });
  }
  ranked.sort(
    (a, b) =>
      a.rank - b.rank || a.order.localeCompare(b.order, 'ru') || a.template.key.localeCompare(b.template.key),
  );
  return ranked.slice(0, query.limit).map((r) => r.template);
}

/** 0 best … 4 worst; -1 when the query is nowhere in the template. */
function rankOf(template: SearchableTemplate, q: string, locale: Locale): number {
  const shortcut = foldForSearch(template.shortcut ?? '');
  const titles = [template.title.ru, template.title.en ?? ''].map(foldForSearch);
  const title = foldForSearch(templateText(template.title, locale));
  if (shortcut.startsWith(q)) return 0;
  if (title.startsWith(q)) return 1;
  if (shortcut.includes(q) || titles.some((t) => t.includes(q))) return 2;
  if ((template.tags ?? []).some((tag) => foldForSearch(tag).includes(q))) return 3;
  const texts = [template.text.ru, template.text.en ?? ''].map(foldForSearch);
  if (texts.some((t) => t.includes(q))) return 4;
  return -1;
}
