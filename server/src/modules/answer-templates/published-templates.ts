import { migrateDefinitionBody, type TemplateBody } from '@opora/runtime/definitions';
import { searchTemplates, type TemplateQuery } from '@opora/runtime/templates';
import type { Database } from '../../db/database.js';
import { publishedOfKind } from '../definitions/published-of-kind.js';

export interface AnswerTemplateView {
  key: string;
  version: number;
  title: TemplateBody['title'];
  text: TemplateBody['text'];
  shortcut: string | null;
  tags: string[];
  lines: string[];
}

/**
 * The published answer templates a line's operator may use, best matches of the query first. A version published
 * under an older schema is lifted on the way (stored versions are immutable). The set is small — a desk has tens
 * to hundreds of templates — so it is read whole and ranked in memory by the runtime's search.
 */
export async function findAnswerTemplates(db: Database, query: TemplateQuery): Promise<AnswerTemplateView[]> {
  const published = (await publishedOfKind(db, 'template')).map(({ key, version, body }) => {
    const lifted = migrateDefinitionBody('template', body) as TemplateBody;
    return {
      key,
      version,
      title: lifted.title,
      text: lifted.text,
      shortcut: lifted.shortcut ?? null,
      tags: lifted.tags ?? [],
      lines: lifted.lines ?? [],
    };
  });
  return searchTemplates(published, query);
}
