import { readFileSync } from 'node:fs';
import type { Bundle, ProcessBody } from '@opora/runtime/definitions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainProcessJobs, publishProcess } from '../../../testing/process-fixture.js';
import { createHarness, type Harness, login, testPassword } from '../../../testing/test-app.js';
import { databaseTargets } from '../../../testing/test-database.js';

/** The support-desk template's review process, as the template publishes it. */
const template = JSON.parse(
  readFileSync(new URL('../../../../../templates/support-desk/bundle.json', import.meta.url), 'utf8'),
) as Bundle;
const reviewBody = template.definitions.find((d) => d.key === 'kb-article-review')?.body as ProcessBody;

interface Article {
  id: string;
  version: number;
  state: string;
}
interface Task {
  id: string;
  instanceId: string;
  kind: string;
  status: string;
  assignee: { kind: string; value: string };
  record?: { entity: string; id: string; title?: string };
  documentHash?: string;
}

/**
 * The knowledge base's review as a process, end to end on a real database: the editor's «На проверку» starts the
 * template's `kb-article-review` about the article, an editor decides in «Мои задачи», the process publishes the
 * article or returns it to a draft with the comment; an edit under review refuses a stale approval.
 */
describe.each(databaseTargets)('knowledge-base review as a process on $name', (target) => {
  let h: Harness;
  let author: Record<string, string>;
  let reviewer: Record<string, string>;
  let reviewerId: string;
  let authorId: string;

  const call = (method: string, url: string, headers: Record<string, string>, payload?: object) =>
    h.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const ok = async (method: string, url: string, headers: Record<string, string>, payload?: object) => {
    const response = await call(method, url, headers, payload);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json();
  };
  const write = (title: string): Promise<Article> =>
    ok('POST', '/kb/articles', author, { title, body: `<p>${title}: шаги</p>` });
  const move = (article: Article, state: string): Promise<Article> =>
    ok('POST', `/kb/articles/${article.id}/state`, author, { version: article.version, state });
  const article = (id: string): Promise<Article> => ok('GET', `/kb/articles/${id}`, author);
  const review = async (id: string) => (await ok('GET', `/kb/articles/${id}/review`, author)).review;
  const reviewTask = async (articleId: string): Promise<Task> => {
    const { items } = await ok('GET', '/tasks?scope=mine&status=open&limit=200', reviewer);
    const task = items.find((t: Task) => t.record?.id === articleId && t.assignee.value === 'analyst');
    expect(task).toBeDefined();
    return task;
  };
  const complete = (task: Task, body: object, who = reviewer) =>
    call('POST', `/tasks/${task.id}/complete`, who, body);

  beforeAll(async () => {
    h = await createHarness(target);
    h.app.jobWorker.start();
    author = await h.as('analyst');
    authorId = (await h.app.users.list('analyst-user', 1, 0)).items[0]!.id;
    const editor = await h.app.users.create(
      { login: 'editor-kb', name: 'Редактор Вера', password: testPassword, roles: ['analyst'] },
      null,
    );
    reviewerId = editor.id;
    reviewer = await login(h.app, 'editor-kb', testPassword);
  });
  afterAll(() => h.close());

  it('with no review process published, «На проверку» is only the state change it always was', async () => {
    const sent = await move(await write('Как оплатить счёт'), 'review');
    expect(sent.state).toBe('review');
    expect(await review(sent.id)).toBeNull();
    const [count] = await h.db.query<{ n: string | number }>('select count(*) as n from process_instance');
    expect(Number(count?.n)).toBe(0);
    expect((await move(sent, 'published')).state).toBe('published');
  });

  describe('with the template’s «Проверка статьи базы знаний» published', () => {
    beforeAll(async () => {
      await publishProcess(h.app, 'kb-article-review', reviewBody);
    });

    it('sent for review, the editors get the approval; approved with the hash seen, the article is published', async () => {
      const sent = await move(await write('Как сменить пароль'), 'review');
      expect(sent.state).toBe('review');
      const task = await reviewTask(sent.id);
      expect(task).toMatchObject({
        kind: 'approval',
        status: 'open',
        record: { entity: '@kb-article', id: sent.id, title: 'Как сменить пароль' },
      });
      expect(task.documentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(await review(sent.id)).toMatchObject({
        status: 'running',
        reviewers: [
          { kind: 'role', value: 'analyst' },
          { kind: 'role', value: 'admin' },
        ],
      });
      const detail = await ok('GET', `/tasks/${task.id}`, reviewer);
      expect(detail.variables).toMatchObject({ articleId: sent.id, title: 'Как сменить пароль', authorId });

      // Four eyes: the author, an editor herself, cannot approve her own article.
      const own = await complete(task, { outcome: 'approve', seenHash: task.documentHash }, author);
      expect(own.statusCode, own.body).toBe(403);
      expect(own.json().error.code).toBe('four_eyes');

      const approved = await complete(task, { outcome: 'approve', seenHash: task.documentHash });
      expect(approved.statusCode, approved.body).toBe(200);
      await drainProcessJobs(h.app);
      const published = await article(sent.id);
      expect(published.state).toBe('published');
      const { items: history } = await ok('GET', `/kb/articles/${sent.id}/versions`, author);
      expect(history[0]).toMatchObject({ state: 'published', change: 'state', savedBy: 'Редактор Вера' });
      expect(await review(sent.id)).toMatchObject({
        status: 'completed',
        outcome: 'approved',
        reviewers: [],
        decidedBy: { id: reviewerId, name: 'Редактор Вера' },
      });
      const [notice] = await h.db.query<{ text: string }>(
        'select text from notification where user_id = ? order by created_at desc limit 1',
        [authorId],
      );
      expect(notice?.text).toBe('Статья «Как сменить пароль» прошла проверку и опубликована.');
    });

    it('returned for changes, the article is a draft again and its editor shows the reviewer’s comment', async () => {
      const sent = await move(await write('Как вернуть товар'), 'review');
      const task = await reviewTask(sent.id);
      const returned = await complete(task, {
        outcome: 'return',
        seenHash: task.documentHash,
        comment: 'Добавьте снимки экрана',
      });
      expect(returned.statusCode, returned.body).toBe(200);
      await drainProcessJobs(h.app);
      const draft = await article(sent.id);
      expect(draft.state).toBe('draft');
      expect(await review(sent.id)).toMatchObject({
        status: 'completed',
        outcome: 'returned',
        comment: 'Добавьте снимки экрана',
        decidedBy: { name: 'Редактор Вера' },
      });
      const [notice] = await h.db.query<{ text: string }>(
        'select text from notification where user_id = ? order by created_at desc limit 1',
        [authorId],
      );
      expect(notice?.text).toContain('Комментарий редактора: Добавьте снимки экрана');
      // Revised and sent again, a new review starts; the old one stays as it ended.
      const again = await move(draft, 'review');
      expect(again.state).toBe('review');
      const second = await review(sent.id);
      expect(second).toMatchObject({ status: 'running' });
      expect(second.instanceId).not.toBe(task.instanceId);
      expect((await reviewTask(sent.id)).instanceId).toBe(second.instanceId);
    });

    it('an edit while under review refuses the approval of the text seen before (409 document_changed)', async () => {
      const sent = await move(await write('Как удалить аккаунт'), 'review');
      const seen = await reviewTask(sent.id);
      const edited = await ok('PUT', `/kb/articles/${sent.id}`, author, {
        version: sent.version,
        title: 'Как удалить аккаунт',
        body: '<p>Новый текст</p>',
      });
      expect(edited.state).toBe('review');
      const stale = await complete(seen, { outcome: 'approve', seenHash: seen.documentHash });
      expect(stale.statusCode, stale.body).toBe(409);
      expect(stale.json().error.code).toBe('document_changed');
      expect((await article(sent.id)).state).toBe('review');

      const fresh = await reviewTask(sent.id);
      expect(fresh.documentHash).not.toBe(seen.documentHash);
      expect((await complete(fresh, { outcome: 'approve', seenHash: fresh.documentHash })).statusCode).toBe(
        200,
      );
      await drainProcessJobs(h.app);
      expect((await article(sent.id)).state).toBe('published');
    });

    it('an editor who moves the article out of review by hand overrides the review: it is cancelled and leaves the inbox', async () => {
      const withdrawnOne = await move(await write('Как сменить тариф'), 'review');
      const publishedOne = await move(await write('Как сменить адрес'), 'review');
      for (const [sent, to] of [
        [withdrawnOne, 'draft'],
        [publishedOne, 'published'],
      ] as const) {
        const task = await reviewTask(sent.id);
        expect((await move(sent, to)).state).toBe(to);
        expect(await review(sent.id)).toMatchObject({ instanceId: task.instanceId, status: 'terminated' });
        const { items } = await ok('GET', '/tasks?scope=mine&status=open&limit=200', reviewer);
        expect(items.some((t: Task) => t.instanceId === task.instanceId)).toBe(false);
        const late = await complete(task, { outcome: 'approve', seenHash: task.documentHash });
        expect(late.statusCode).toBe(409);
        expect(late.json().error.code).toBe('task_closed');
        expect((await article(sent.id)).state).toBe(to);
      }
    });

    it('the process publishes only the text its approval was fixed to', async () => {
      const sent = await move(await write('Как закрыть счёт'), 'review');
      const approved = (await reviewTask(sent.id)).documentHash;
      const kbArticle = h.app.processDocuments.of('@kb-article')!;
      const publish = (approvedHash?: string) =>
        h.db.transaction((tx) =>
          kbArticle.setStatus(tx, sent.id, 'published', {
            by: reviewerId,
            ...(approvedHash ? { approvedHash } : {}),
          }),
        );
      await expect(publish('0'.repeat(64))).rejects.toThrow('the article changed after it was approved');
      expect((await article(sent.id)).state).toBe('review');
      await expect(publish(approved)).resolves.toMatchObject({ status: 'published' });
    });
  });
});
