import type { Locale, TreeBody } from '@opora/runtime/definitions';
import type { ErrorDetail } from '@opora/sdk';
import type { Database } from '../../db/database.js';
import { toPgArray } from '../../db/pg-array.js';
import type { PublishExtension } from '../definitions/definition-service.js';

/**
 * A tree is published only when every article its leaves lead to is published and readable by portal visitors;
 * each refusal names the node (forms are checked as ordinary references).
 */
export function treePublishing(db: Database): PublishExtension {
  return {
    async check(body, locale, tx) {
      const tree = body as TreeBody;
      const leaves = tree.nodes.flatMap((node, i) =>
        node.leaf?.type === 'article' ? [{ node, i, key: node.leaf.article }] : [],
      );
      if (!leaves.length) return [];
      const rows = await db.query<{ key: string; state: string; audience: string }>(
        'select key, state, audience from kb_article where key = any(?::text[])',
        [toPgArray([...new Set(leaves.map((l) => l.key))])],
        tx,
      );
      const found = new Map(rows.map((r) => [r.key, r]));
      return leaves.flatMap(({ node, i, key }): ErrorDetail[] => {
        const article = found.get(key);
        const problem = !article
          ? 'missing'
          : article.state !== 'published'
            ? 'unpublished'
            : article.audience === 'staff'
              ? 'staff'
              : null;
        return problem
          ? [
              {
                pointer: `/nodes/${i}/leaf/article`,
                code: 'reference',
                message: articleMessage(problem, node.title.ru, node.id, key, locale),
              },
            ]
          : [];
      });
    },
  };
}

function articleMessage(
  problem: 'missing' | 'unpublished' | 'staff',
  title: string,
  id: string,
  key: string,
  locale: Locale,
) {
  const node = locale === 'en' ? `Node "${title}" (${id})` : `Узел «${title}» (${id})`;
  const texts = {
    missing: {
      ru: `${node} ведёт к статье «${key}», которой нет (удалена?)`,
      en: `${node} leads to article "${key}", which does not exist`,
    },
    unpublished: {
      ru: `${node} ведёт к неопубликованной статье «${key}»`,
      en: `${node} leads to unpublished article "${key}"`,
    },
    staff: {
      ru: `${node} ведёт к статье «${key}», которую видят только сотрудники`,
      en: `${node} leads to article "${key}", which only staff can read`,
    },
  };
  return texts[problem][locale];
}
