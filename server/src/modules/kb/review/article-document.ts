import type { ArticleState } from '@opora/sdk';
import type { Database, Em } from '../../../db/database.js';
import type { ProcessDocumentType } from '../../processes/process-documents.js';
import { documentHash } from '../../processes/tasks/document-hash.js';
import { articleTransitions } from '../article-rules.js';
import type { ArticleService } from '../article-service.js';

/** How a process names a knowledge-base article as its document (its `record`). */
export const kbArticleEntity = '@kb-article';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an approval of an article is fixed to: its text and the revision it is. */
const contentOf = (a: { title: string; body: string; version: number }) => ({
  title: a.title,
  body: a.body,
  version: a.version,
});

const isArticleState = (status: string): status is ArticleState => Object.hasOwn(articleTransitions, status);

/**
 * A knowledge-base article as a process's document. Its approvals hash its title, body and version — any saved
 * edit changes the version, so an approver who read an older text is refused (409 document_changed). Its
 * `setStatus` is the editor's own state change (lifecycle rules, revision history, spelling vocabulary), made on
 * behalf of the reviewer who decided.
 */
export function kbArticleDocument(db: Database, articles: ArticleService): ProcessDocumentType {
  const row = async (tx: Em | undefined, id: string) => {
    if (!uuid.test(id)) return undefined;
    const [found] = await db.query<{ title: string; body: string; version: number }>(
      'select title, body, version from kb_article where id = ?',
      [id],
      tx,
    );
    return found;
  };
  return {
    async read(tx, id) {
      const found = await row(tx, id);
      return found ? { title: found.title, content: contentOf(found) } : null;
    },
    async setStatus(tx, id, status, { by, approvedHash }) {
      if (!isArticleState(status)) throw new Error(`an article has no state "${status}"`);
      const found = await row(tx, id);
      if (!found) throw new Error('the article is gone');
      // Saved again between the approval and this step: publishing would show a text nobody approved.
      if (status === 'published' && approvedHash && documentHash(contentOf(found)) !== approvedHash)
        throw new Error('the article changed after it was approved: send it for review again');
      const article = await articles.setState(
        id,
        found.version,
        status,
        await staffUser(db, tx, by),
        tx,
        true,
      );
      return { id, version: article.version, status: article.state };
    },
  };
}

async function staffUser(db: Database, tx: Em, id: string | null) {
  if (!id || !uuid.test(id)) return null;
  const [user] = await db.query<{ id: string; name: string }>(
    'select id, name from app_user where id = ?',
    [id],
    tx,
  );
  return user ?? null;
}
