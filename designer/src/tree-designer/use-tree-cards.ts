import { deepTreeNodes, type TreeBody, type TreeNode, treeDepths } from '@opora/runtime/definitions';
import type { ArticleSummary, TreeStats } from '@opora/sdk';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TreeCardData } from './card-data';
import { kindOf } from './node-kind';
import type { NodeProblem } from './node-problems';
import { nodeStatsOf, summarizeNodeStats } from './stats-format';
import { useArticles } from './use-article-titles';

/** What each card shows, and which nodes are deeper than recommended. */
export function useTreeCards(
  body: TreeBody,
  problems: ReadonlyMap<string, NodeProblem[]>,
  stats: TreeStats | null,
  problemText: (p: NodeProblem) => string,
): { cards: Map<string, TreeCardData>; deep: string[] } {
  const { t } = useTranslation();
  const articleKeys = useMemo(
    () => body.nodes.flatMap((n) => (n.leaf?.type === 'article' && n.leaf.article ? [n.leaf.article] : [])),
    [body],
  );
  const articles = useArticles(articleKeys);
  const deep = useMemo(() => deepTreeNodes(body), [body]);
  const cards = useMemo(() => {
    const depths = treeDepths(body);
    const deepSet = new Set(deep);
    const result = new Map<string, TreeCardData>();
    for (const node of body.nodes) {
      const [detail, detailWarn] = detailOf(node, articles, t);
      result.set(node.id, {
        title: node.title.ru || node.id,
        kind: kindOf(node),
        isRoot: node.id === body.root,
        detail,
        detailWarn,
        childCount: node.children?.length ?? 0,
        deepAt: deepSet.has(node.id) ? (depths.get(node.id) ?? null) : null,
        problems: (problems.get(node.id) ?? []).map(problemText),
        stats: stats ? summarizeNodeStats(nodeStatsOf(stats, node.id, node.id === body.root)) : null,
        drop: null,
        fold: null,
        outline: false,
      });
    }
    return result;
  }, [body, deep, articles, problems, stats, problemText, t]);
  return { cards, deep };
}

/** The line under a card's title, and whether it is a warning. */
function detailOf(
  node: TreeNode,
  articles: ReadonlyMap<string, ArticleSummary | null>,
  t: TFunction,
): [string | null, boolean] {
  const leaf = node.leaf;
  if (!leaf) return [node.text?.ru || null, false];
  if (leaf.type === 'article') {
    if (!leaf.article) return [t('treeDesigner.card.noArticle'), true];
    const article = articles.get(leaf.article);
    if (article === null) return [t('treeDesigner.card.articleMissing', { key: leaf.article }), true];
    if (!article) return [leaf.article, false];
    if (article.state !== 'published')
      return [`${article.title} · ${t('treeDesigner.card.articleUnpublished')}`, true];
    return [article.title, false];
  }
  if (leaf.type === 'answer') return [leaf.text.ru || null, false];
  if (leaf.channel === 'form') return leaf.form ? [leaf.form, false] : [t('treeDesigner.card.noForm'), true];
  return [leaf.url || leaf.text?.ru || node.text?.ru || null, false];
}
