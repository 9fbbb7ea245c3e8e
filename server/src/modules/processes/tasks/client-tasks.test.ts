import { chain, end, node, processBody, start, userTask } from '@opora/runtime/test-fixtures/process-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../../testing/distribution-fixture.js';
import {
  createSupportDesk,
  portalFormKey,
  publishPortal,
  signupClient,
  type TestClient,
} from '../../../testing/portal-fixture.js';
import { drainProcessJobs, publishProcess } from '../../../testing/process-fixture.js';
import { createHarness, type Harness } from '../../../testing/test-app.js';
import { databaseTargets } from '../../../testing/test-database.js';

interface Task {
  id: string;
  instanceId: string;
  title: string;
  kind: string;
  status: string;
  dueAt?: string;
  overdue: boolean;
  requestId?: string;
}

/** «Мои задачи» of the portal account: a process's tasks for a client, through the portal routes, end to end. */
describe.each(databaseTargets)('client tasks in the portal account on $name', (target) => {
  let h: Harness;
  let anna: TestClient;
  let boris: TestClient;
  let admin: Record<string, string>;

  const startFor = async (key: string, client: TestClient, extra: object = {}) => {
    const res = await api(h.app, 'POST', `/processes/${key}/instances`, admin, {
      variables: { clientId: client.userId, approvers: [client.userId] },
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    await drainProcessJobs(h.app);
    return res.json() as { id: string };
  };
  const myTasks = async (client: TestClient, query = '') => {
    const res = await api(h.app, 'GET', `/portal/my/tasks${query}`, client.headers);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Task[]; counts: { open: number; overdue: number } };
  };
  const instance = async (id: string) =>
    (await api(h.app, 'GET', `/processes/instances/${id}`, admin)).json();

  beforeAll(async () => {
    h = await createHarness(target);
    h.app.jobWorker.start();
    await createSupportDesk(h);
    await publishPortal(h);
    anna = await signupClient(h, 'Анна', 'anna.tasks@example.ru');
    boris = await signupClient(h, 'Борис', 'boris.tasks@example.ru');
    admin = await h.as('admin');
    await publishProcess(
      h.app,
      'clarify',
      processBody(
        [
          start(),
          node(
            'fill',
            'bpmn.userTask',
            { assignee: { kind: 'expression', value: 'clientId' }, dueInSeconds: 3600, form: portalFormKey },
            { name: 'Уточните данные' },
          ),
          userTask('check', 'operator'),
          end(),
        ],
        chain('start', 'fill', 'check', 'end'),
      ),
    );
    await publishProcess(
      h.app,
      'client-approval',
      processBody(
        [
          start(),
          node('approve', 'opora.approvalTask', {
            approvers: { kind: 'listField', value: 'approvers' },
            mode: 'parallel',
            rule: 'all',
            fourEyes: true,
          }),
          end(),
        ],
        chain('start', 'approve', 'end'),
      ),
    );
  });
  afterAll(() => h.close());

  it('lists the client’s task, opens it with their request, and the sent form moves the instance on', async () => {
    const filed = await api(h.app, 'POST', `/portal/forms/${portalFormKey}/submit`, anna.headers, {
      data: { subject: 'Счёт', description: 'Не пришёл' },
    });
    expect(filed.statusCode, filed.body).toBe(200);
    const requestId = filed.json().id as string;
    const started = await startFor('clarify', anna, {
      record: { entity: 'request', id: requestId },
      variables: {
        clientId: anna.userId,
        subject: 'Счёт за ноябрь',
        internalNote: 'клиент из списка VIP',
      },
    });

    const list = await myTasks(anna);
    const task = list.items.find((t) => t.instanceId === started.id);
    expect(task).toMatchObject({ title: 'Уточните данные', kind: 'user', status: 'open', overdue: false });
    expect(task?.dueAt).toBeDefined();
    expect(list.counts.open).toBeGreaterThanOrEqual(1);
    expect((await myTasks(boris)).items.find((t) => t.instanceId === started.id)).toBeUndefined();

    const notices = await api(h.app, 'GET', '/portal/my/notifications', anna.headers);
    expect(notices.json().items).toContainEqual(
      expect.objectContaining({ title: 'Новая задача', link: `/account/tasks/${task!.id}` }),
    );

    const detail = await api(h.app, 'GET', `/portal/my/tasks/${task!.id}`, anna.headers);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({
      id: task!.id,
      requestId,
      record: { entity: 'request', id: requestId },
    });

    const form = await api(h.app, 'GET', `/portal/my/tasks/${task!.id}/form`, anna.headers);
    expect(form.statusCode, form.body).toBe(200);
    expect(form.json()).toMatchObject({ form: { key: portalFormKey }, entity: { key: 'request' } });
    // The form opens with what the process holds for its own fields; its other variables stay with staff.
    expect(form.json().values).toEqual({ subject: 'Счёт за ноябрь' });
    expect((await api(h.app, 'GET', `/portal/my/tasks/${task!.id}/form`, boris.headers)).statusCode).toBe(
      404,
    );

    const done = await api(h.app, 'POST', `/portal/my/tasks/${task!.id}/complete`, anna.headers, {
      variables: { phone: '+7 900 000-00-00' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', completedBy: { id: anna.userId } });
    await drainProcessJobs(h.app);
    const moved = await instance(started.id);
    expect(moved.variables).toMatchObject({ phone: '+7 900 000-00-00' });
    expect(moved.tokens.map((t: { nodeId: string }) => t.nodeId)).toEqual(['check']);
    expect((await myTasks(anna)).items.find((t) => t.id === task!.id)).toBeUndefined();
    expect((await myTasks(anna, '?status=done')).items.map((t) => t.id)).toContain(task!.id);

    const again = await api(h.app, 'POST', `/portal/my/tasks/${task!.id}/complete`, anna.headers, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('task_closed');
  });

  it('answers 404 for another client’s task and 401 without a session', async () => {
    const started = await startFor('clarify', anna);
    const task = (await myTasks(anna)).items.find((t) => t.instanceId === started.id)!;
    expect((await api(h.app, 'GET', `/portal/my/tasks/${task.id}`, boris.headers)).statusCode).toBe(404);
    const theirs = await api(h.app, 'POST', `/portal/my/tasks/${task.id}/complete`, boris.headers, {});
    expect(theirs.statusCode).toBe(404);
    expect((await api(h.app, 'GET', '/portal/my/tasks', {})).statusCode).toBe(401);
    expect((await api(h.app, 'GET', `/portal/my/tasks/${task.id}`, {})).statusCode).toBe(401);
    expect((await instance(started.id)).tokens.map((t: { nodeId: string }) => t.nodeId)).toEqual(['fill']);
  });

  it('keeps approvals and their outcomes with staff', async () => {
    const started = await startFor('client-approval', anna);
    const [row] = await h.db.query<{ id: string }>('select id from process_task where instance_id = ?', [
      started.id,
    ]);
    expect(row).toBeDefined();
    expect((await myTasks(anna)).items.find((t) => t.instanceId === started.id)).toBeUndefined();
    expect((await api(h.app, 'GET', `/portal/my/tasks/${row!.id}`, anna.headers)).statusCode).toBe(404);
    const outcome = await api(h.app, 'POST', `/portal/my/tasks/${row!.id}/complete`, anna.headers, {
      outcome: 'approve',
    });
    expect(outcome.statusCode).toBe(400);
    const plain = await api(h.app, 'POST', `/portal/my/tasks/${row!.id}/complete`, anna.headers, {});
    expect(plain.statusCode).toBe(404);
    expect((await instance(started.id)).status).toBe('running');
    // The staff side still works for them: a client session is no staff session.
    expect((await api(h.app, 'GET', '/tasks', anna.headers)).statusCode).toBe(403);
  });
});
