import type { Value } from '../../../forms/expressions/index.js';

export interface FoundArticle {
  id: string;
  title: string;
  url?: string;
}

/** The articles of a search result (a list of `{ id, title, url? }`), whatever else the server put in it. */
export function foundArticles(value: Value, limit: number): FoundArticle[] {
  if (!Array.isArray(value)) return [];
  const found: FoundArticle[] = [];
  for (const item of value) {
    if (found.length >= limit) break;
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
    const { id, title, url } = item;
    if (typeof title !== 'string' || (typeof id !== 'string' && typeof id !== 'number')) continue;
    found.push({ id: String(id), title: title.slice(0, 300), ...(typeof url === 'string' ? { url } : {}) });
  }
  return found;
}

/** The articles as lines of a message: «1. Title — url». */
export const articleList = (articles: readonly FoundArticle[]): string =>
  articles.map((a, i) => `${i + 1}. ${a.title}${a.url ? ` — ${a.url}` : ''}`).join('\n');
