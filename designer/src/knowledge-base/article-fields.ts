import { slugFromTitle } from '@opora/runtime/definitions';
import type { Article, ArticleAudience, ArticleInput, ArticleLink, ArticleState } from '@opora/sdk';

/** What the editor lets people change, as one value: compared with the saved one to know what is unsaved. */
export interface ArticleFields {
  key: string;
  title: string;
  summary: string;
  categoryId: string | null;
  tags: string[];
  audience: ArticleAudience;
  related: ArticleLink[];
  /** HTML as the editor produces it. */
  body: string;
}

export const audiences: readonly ArticleAudience[] = ['public', 'clients', 'staff'];
export const articleStates: readonly ArticleState[] = ['draft', 'review', 'published', 'archived'];

/** Where an article may go from each state — the server's rules, to offer only the moves it accepts. */
export const stateMoves: Record<ArticleState, readonly ArticleState[]> = {
  draft: ['review'],
  review: ['published', 'draft'],
  published: ['draft', 'archived'],
  archived: ['draft'],
};

export function emptyFields(title = ''): ArticleFields {
  return {
    key: '',
    title,
    summary: '',
    categoryId: null,
    tags: [],
    audience: 'public',
    related: [],
    body: '',
  };
}

export function fieldsOf(a: Article): ArticleFields {
  return {
    key: a.key,
    title: a.title,
    summary: a.summary,
    categoryId: a.categoryId,
    tags: [...a.tags],
    audience: a.audience,
    related: a.related.map((r) => ({ ...r })),
    body: a.body,
  };
}

const sameList = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Which fields differ (the body compared as the editor wrote it). */
export function changedFields(now: ArticleFields, saved: ArticleFields): (keyof ArticleFields)[] {
  const changed: (keyof ArticleFields)[] = [];
  if (now.key !== saved.key) changed.push('key');
  if (now.title !== saved.title) changed.push('title');
  if (now.summary !== saved.summary) changed.push('summary');
  if (now.categoryId !== saved.categoryId) changed.push('categoryId');
  if (!sameList(now.tags, saved.tags)) changed.push('tags');
  if (now.audience !== saved.audience) changed.push('audience');
  if (
    !sameList(
      now.related.map((r) => r.id),
      saved.related.map((r) => r.id),
    )
  )
    changed.push('related');
  if (now.body !== saved.body) changed.push('body');
  return changed;
}

/** The editor's empty document; an article with only this has no text. */
export const emptyBody = (html: string): boolean => html.replace(/<p><\/p>|\s/g, '') === '';

/** The request body to create an article: the key typed, or made from the title. */
export function toInput(f: ArticleFields): ArticleInput {
  const key = f.key.trim() || slugFromTitle(f.title);
  return {
    ...(key ? { key } : {}),
    title: f.title.trim(),
    summary: f.summary.trim(),
    body: emptyBody(f.body) ? '' : f.body,
    categoryId: f.categoryId,
    tags: f.tags,
    audience: f.audience,
    related: f.related.map((r) => r.id),
  };
}

/** «87 %» of the ratings were «helpful»; null before anyone rated. */
export function helpfulPercent(helpful: number, notHelpful: number): number | null {
  const total = helpful + notHelpful;
  return total ? Math.round((helpful / total) * 100) : null;
}
