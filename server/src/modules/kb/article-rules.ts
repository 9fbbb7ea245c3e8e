import type { ArticleState } from '@opora/sdk';

/** The article lifecycle: written, checked, shown, withdrawn — and back to a draft for revision. */
export const articleTransitions: Record<ArticleState, readonly ArticleState[]> = {
  draft: ['review'],
  review: ['published', 'draft'],
  published: ['archived', 'draft'],
  archived: ['draft'],
};

export const canMove = (from: ArticleState, to: ArticleState): boolean =>
  articleTransitions[from].includes(to);

/** Tags as people type them, deduplicated and trimmed; the text form feeds the search vector. */
export function normalizeTags(tags: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  for (const tag of tags ?? []) {
    const clean = tag.trim().toLowerCase().replace(/\s+/g, ' ');
    if (clean) seen.add(clean);
  }
  return [...seen];
}
