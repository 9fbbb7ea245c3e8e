import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, operator } from '../../testing/distribution-fixture.js';
import { signupClient } from '../../testing/portal-fixture.js';
import { drainProcessJobs } from '../../testing/process-fixture.js';
import { importTemplate } from '../../testing/template.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';
import { type WidgetChat, widgetChat } from '../../testing/widget-chat.js';

const portalOrigin = 'http://localhost:80';

interface Task {
  id: string;
  instanceId: string;
  title: string;
  documentHash?: string;
}

/**
 * The support desk template's refund, from the client's chat to the decision: the first-line bot asks the order
 * and the amount, files a request on the client's card and starts «Согласование возврата денег» about it; over
 * the limit the head of support and accounting approve in their inboxes, and the process resolves the request
 * and tells the client in the same chat.
 */
describe.each(databaseTargets)('a refund asked of the template’s bot on $name', (target) => {
  let h: Harness;
  const chats: WidgetChat[] = [];

  beforeAll(async () => {
    h = await createHarness(target);
    await importTemplate(h);
    h.app.jobWorker.start();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const chat of chats) chat.close();
    await h.close();
  });

  it('files a request on the client’s card and has it approved in parallel; the client hears the decision', async () => {
    const client = await signupClient(h, 'Ирина Возвратова', 'irina@example.ru');
    const chat = await widgetChat(h, 'site-chat', '10.77.0.1', {
      origin: portalOrigin,
      cookie: client.cookie,
    });
    chats.push(chat);
    // A greeting is no question: the bot offers its topics again.
    await chat.say('Здравствуйте');
    expect(chat.lastOffer()?.text).toBe('Выберите тему кнопкой или напишите вопрос одним сообщением.');
    await chat.press('Возврат денег');
    await chat.say('100245');
    await chat.say('15000');
    expect(chat.texts().at(-1)).toBe(
      'Заявка на возврат 15000 ₽ по заказу 100245 передана на согласование. Мы сообщим решение в течение 1 рабочего дня.',
    );

    const admin = await h.as('admin');
    const [request] = await h.db.query<{ id: string }>(
      `select id from record where entity = 'request' and data->>'subject' = ?`,
      ['Возврат денег по заказу 100245'],
    );
    expect(request).toBeDefined();
    const filed = (await api(h.app, 'GET', `/records/request/${request!.id}`, admin)).json();
    expect(filed.data).toMatchObject({
      status: 'in_progress',
      category: 'payment',
      client: client.recordId,
      contactName: 'Ирина Возвратова',
    });
    // The chat knew no e-mail of hers: the field is left out, not stored empty (an e-mail field would refuse '').
    expect(filed.data.contactEmail).toBeUndefined();

    await drainProcessJobs(h.app);
    const head = { headers: await h.as('supervisor') };
    const accounting = await operator(h.app, 'Марина', { groups: ['accounting'] });
    const taskOf = async (who: { headers: Record<string, string> }): Promise<Task> => {
      const items = (await api(h.app, 'GET', '/tasks?limit=50', who.headers)).json().items as Task[];
      const task = items.find((t) => t.title === 'Согласовать крупный возврат');
      expect(task).toBeDefined();
      return task!;
    };
    const [headTask, accountingTask] = [await taskOf(head), await taskOf(accounting)];
    expect(headTask.instanceId).toBe(accountingTask.instanceId);
    expect(headTask.id).not.toBe(accountingTask.id);
    const instance = (await api(h.app, 'GET', `/processes/instances/${headTask.instanceId}`, admin)).json();
    expect(instance.record).toEqual({ entity: 'request', id: request!.id });

    for (const [who, task] of [
      [accounting, accountingTask],
      [head, headTask],
    ] as const) {
      // The approver decides on the version of the request they saw (the task's detail names its hash).
      const seen = (await api(h.app, 'GET', `/tasks/${task.id}`, who.headers)).json() as Task;
      expect(seen.documentHash).toMatch(/^[0-9a-f]{64}$/);
      const done = await api(h.app, 'POST', `/tasks/${task.id}/complete`, who.headers, {
        outcome: 'approve',
        seenHash: seen.documentHash,
      });
      expect(done.statusCode, done.body).toBe(200);
    }
    await drainProcessJobs(h.app);
    await chat.hear('Возврат 15000 ₽ по заказу 100245 одобрен');
    const resolved = (await api(h.app, 'GET', `/records/request/${request!.id}`, admin)).json();
    expect(resolved.data.status).toBe('resolved');
    const sheet = (await api(h.app, 'GET', `/records/request/${request!.id}/approvals`, admin)).json();
    expect(JSON.stringify(sheet)).toContain('Марина');
  });
});
