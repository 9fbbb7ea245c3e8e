import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveChannel } from '../../../adapters/live-hub/live-hub.js';
import type { MailMessage } from '../../../adapters/mail/index.js';
import { api, operator, publishLine } from '../../../testing/distribution-fixture.js';
import { createHarness, type Harness, login, testPassword } from '../../../testing/test-app.js';
import { databaseTargets } from '../../../testing/test-database.js';
import { PublishedLines } from '../../distribution/published-lines.js';
import { NotificationService } from '../../portal-account/notification-service.js';
import type { TaskOpening } from '../process-ports.js';
import { ProcessVersions } from './process-versions.js';
import { staffMailJobName } from './staff-mail-job.js';
import { taskPort } from './task-port.js';

/** The inbox's store, port and routes on a real database (deciding tasks is in task-decisions.test.ts). */
describe.each(databaseTargets)('process task inbox on $name', (target) => {
  let h: Harness;
  let anna: Awaited<ReturnType<typeof operator>>;
  let boris: Awaited<ReturnType<typeof operator>>;
  const hour = 3_600_000;

  const opening = (over: Partial<TaskOpening> = {}): TaskOpening => ({
    instanceId: randomUUID(),
    processKey: 'inbox-test',
    processVersion: 1,
    taskId: 'task-1',
    tokenId: 'tok-1',
    nodeId: 'check',
    kind: 'user',
    assignee: { kind: 'role', value: 'nobody' },
    title: 'Проверить',
    ...over,
  });
  /** The instance a task belongs to, as a bare row: these tests drive the tasks side alone. */
  const instanceRow = (id: string) =>
    h.db.query(
      `insert into process_instance (id, process_key, process_version, status, state, started_at, updated_at)
       values (?, 'inbox-test', 1, 'running', ?::jsonb, now(), now()) on conflict do nothing`,
      [
        id,
        JSON.stringify({
          processKey: 'inbox-test',
          processVersion: 1,
          status: 'running',
          variables: {},
          tokens: [],
          history: [],
          decisions: [],
          seq: 0,
        }),
      ],
    );
  const open = async (task: TaskOpening) => {
    await instanceRow(task.instanceId);
    await h.db.transaction((tx) => h.app.processTasks.open(tx, task));
  };
  const taskOf = async (instanceId: string) =>
    (await h.db.query<{ id: string }>('select id from process_task where instance_id = ?', [instanceId]))[0]!
      .id;

  beforeAll(async () => {
    h = await createHarness(target);
    h.app.jobWorker.start();
    await publishLine(h.app, 'inbox-line', 'inbox-chan', { groups: ['g-inbox'] });
    anna = await operator(h.app, 'Анна', { groups: ['g-inbox'] });
    boris = await operator(h.app, 'Борис', { groups: ['g-other'] });
  });
  afterAll(() => h.close());

  it('stores a task opened twice (a replayed step) once', async () => {
    const task = opening();
    await open(task);
    await open(task);
    const rows = await h.db.query('select * from process_task where instance_id = ?', [task.instanceId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'open', assignee_kind: 'role', assignee_value: 'nobody' });
  });

  it('tells the inboxes live when a task opens, once the step commits; a deleted instance takes its tasks', async () => {
    const heard: { to: string[]; message: { type: string; taskId?: string } }[] = [];
    const unlisten = await h.db.listen(liveChannel, (payload) => void heard.push(JSON.parse(payload)));
    try {
      const mine = opening({ assignee: { kind: 'user', value: anna.id }, title: 'Живой' });
      const lines = opening({ assignee: { kind: 'line', value: 'inbox-line' }, title: 'Живой линии' });
      const roles = opening({ assignee: { kind: 'role', value: 'analyst' }, title: 'Живой роли' });
      await open(mine);
      await open(lines);
      await open(roles);
      const ids = [
        await taskOf(mine.instanceId),
        await taskOf(lines.instanceId),
        await taskOf(roles.instanceId),
      ];
      const of = (id: string) => heard.find((e) => e.message.taskId === id);
      for (let i = 0; i < 200 && !ids.every((id) => of(id)); i++)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(of(ids[2]!)?.to).toEqual(['role:analyst', 'room:supervisors']);
      expect(of(ids[0]!)).toEqual({
        to: [`user:${anna.id}`, 'room:supervisors'],
        message: { type: 'tasks.changed', taskId: ids[0] },
      });
      expect(of(ids[1]!)?.to).toEqual(['line:inbox-line', 'room:supervisors']);
      await h.db.query('delete from process_instance where id = ?', [lines.instanceId]);
      expect(await h.db.query('select 1 from process_task where id = ?', [ids[1]])).toEqual([]);
      await h.db.query('delete from process_task where id = ?', [ids[0]]);
    } finally {
      await unlisten();
    }
  });

  it('lists mine by user, role and line with counts, in due order, page by page', async () => {
    const now = Date.now();
    const mine = [
      opening({
        assignee: { kind: 'user', value: anna.id },
        title: 'Лично Анне',
        dueAt: new Date(now - hour),
      }),
      opening({
        assignee: { kind: 'role', value: 'operator' },
        title: 'Операторам',
        dueAt: new Date(now + 60_000),
      }),
      opening({ assignee: { kind: 'line', value: 'inbox-line' }, title: 'Линии' }),
    ];
    for (const t of mine) await open(t);
    await open(opening({ assignee: { kind: 'user', value: boris.id }, title: 'Борису' }));

    const first = await api(h.app, 'GET', '/tasks?scope=mine', anna.headers);
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.items.map((t: { title: string }) => t.title)).toEqual(['Лично Анне', 'Операторам', 'Линии']);
    expect(body.items[0]).toMatchObject({
      kind: 'user',
      status: 'open',
      overdue: true,
      processName: 'inbox-test',
      assignee: { kind: 'user', value: anna.id },
      outcomes: [],
      canDelegate: false,
    });
    expect(body.items[1].overdue).toBe(false);
    expect(body.counts.open).toBe(3);
    expect(body.counts.overdue).toBe(1);

    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page++) {
      const res = await api(
        h.app,
        'GET',
        `/tasks?limit=1${after ? `&after=${encodeURIComponent(after)}` : ''}`,
        anna.headers,
      );
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items.map((t: { title: string }) => t.title));
      after = res.json().nextCursor;
      if (!after) break;
    }
    expect(seen).toEqual(['Лично Анне', 'Операторам', 'Линии']);

    // Boris holds the role, but is not Anna and does not serve the line.
    const his = (await api(h.app, 'GET', '/tasks', boris.headers)).json();
    expect(his.items.map((t: { title: string }) => t.title)).toEqual(['Операторам', 'Борису']);
    expect((await api(h.app, 'GET', '/tasks?overdue=1', anna.headers)).json().items).toHaveLength(1);
    expect((await api(h.app, 'GET', '/tasks?q=%D0%BB%D0%B8%D0%BD', anna.headers)).json().items).toHaveLength(
      1,
    );
    expect((await api(h.app, 'GET', '/tasks?q=%25', anna.headers)).json().items).toHaveLength(0);
  });

  it('shows the team’s inbox to supervisors only', async () => {
    expect((await api(h.app, 'GET', '/tasks?scope=team', anna.headers)).statusCode).toBe(403);
    const team = await api(h.app, 'GET', '/tasks?scope=team&limit=200', await h.as('supervisor'));
    expect(team.statusCode).toBe(200);
    expect(team.json().items.length).toBeGreaterThanOrEqual(5);
    expect(team.json().counts.open).toBe(team.json().items.length);
  });

  it('lets one take a task: another gets 409, may not let it go, and sees it taken', async () => {
    const task = opening({ assignee: { kind: 'role', value: 'operator' }, title: 'Взять' });
    await open(task);
    const id = await taskOf(task.instanceId);
    const taken = await api(h.app, 'POST', `/tasks/${id}/claim`, anna.headers);
    expect(taken.statusCode).toBe(200);
    expect(taken.json().claimedBy).toEqual({ id: anna.id, name: 'Анна' });
    const again = await api(h.app, 'POST', `/tasks/${id}/claim`, boris.headers);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'task_claimed',
      message: 'Задачу уже взял в работу Анна',
    });
    expect((await api(h.app, 'POST', `/tasks/${id}/unclaim`, boris.headers)).statusCode).toBe(403);
    expect((await api(h.app, 'POST', `/tasks/${id}/complete`, boris.headers, {})).statusCode).toBe(409);
    const freed = await api(h.app, 'POST', `/tasks/${id}/unclaim`, anna.headers);
    expect(freed.statusCode).toBe(200);
    expect(freed.json().claimedBy).toBeUndefined();
    expect((await api(h.app, 'POST', `/tasks/${id}/claim`, boris.headers)).statusCode).toBe(200);
  });

  it('refuses work on a task that is not yours with 403', async () => {
    const task = opening({ assignee: { kind: 'user', value: boris.id }, title: 'Не Анне' });
    await open(task);
    const id = await taskOf(task.instanceId);
    const res = await api(h.app, 'POST', `/tasks/${id}/claim`, anna.headers);
    expect(res.statusCode).toBe(403);
    expect((await api(h.app, 'POST', `/tasks/${id}/complete`, anna.headers, {})).statusCode).toBe(403);
  });

  it('withdraws a cancelled task from the inbox; deciding it then is 409 task_closed', async () => {
    const task = opening({ assignee: { kind: 'user', value: anna.id }, title: 'Отозвать' });
    await open(task);
    const id = await taskOf(task.instanceId);
    await h.db.transaction((tx) => h.app.processTasks.cancel(tx, task.instanceId, task.taskId));
    const done = await api(h.app, 'GET', '/tasks?scope=team&status=done&limit=200', await h.as('supervisor'));
    expect(done.json().items.find((t: { id: string }) => t.id === id)).toMatchObject({ status: 'cancelled' });
    const view = await api(h.app, 'GET', `/tasks/${id}`, anna.headers);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ status: 'cancelled', variables: {}, decisions: [] });
    const res = await api(h.app, 'POST', `/tasks/${id}/complete`, anna.headers, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('task_closed');
    const titles = (await api(h.app, 'GET', '/tasks', anna.headers))
      .json()
      .items.map((t: { title: string }) => t.title);
    expect(titles).not.toContain('Отозвать');
  });

  it('notifies staff in the app and, with mail configured, by e-mail once', async () => {
    const vera = await h.app.users.create(
      {
        login: 'vera-tasks',
        name: 'Вера',
        email: 'vera@example.ru',
        password: testPassword,
        roles: ['operator'],
      },
      null,
    );
    const sent: MailMessage[] = [];
    const previous = h.app.mailer.useTransport({ send: async (m) => void sent.push(m) });
    const port = taskPort({
      db: h.db,
      clock: h.app.clock,
      hub: h.app.liveHub,
      jobs: h.app.jobQueue,
      lines: new PublishedLines(h.db),
      notifications: new NotificationService(h.db),
      versions: new ProcessVersions(h.db),
      documents: h.app.processDocuments,
      instances: () => {
        throw new Error('not needed');
      },
      mailEnabled: true,
      mayReadRecords: async () => undefined,
      timeZone: 'Europe/Moscow',
      language: 'ru',
    });
    const task = opening({ assignee: { kind: 'user', value: vera.id } });
    await instanceRow(task.instanceId);
    await h.db.transaction((tx) => port.open(tx, task));
    const effect = {
      type: 'notifyStaff' as const,
      to: { kind: 'user' as const, value: vera.id },
      text: 'Срок согласования «Договор» прошёл',
      reason: 'overdue' as const,
      taskId: task.taskId,
    };
    await h.db.transaction((tx) => port.notify(tx, task.instanceId, effect));
    await h.db.transaction((tx) => port.notify(tx, task.instanceId, effect));
    const headers = await login(h.app, 'vera-tasks', testPassword);
    const list = (await api(h.app, 'GET', '/portal/my/notifications', headers)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      title: 'Срок задачи прошёл',
      text: 'Срок согласования «Договор» прошёл',
      link: `/work/tasks/${await taskOf(task.instanceId)}`,
    });
    const done = async () =>
      (await h.db.query('select 1 from job where name = ? and status = ?', [staffMailJobName, 'done']))
        .length;
    for (let i = 0; i < 200 && !(await done()); i++) {
      await h.app.jobWorker.tick();
      await h.app.jobWorker.idle();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    h.app.mailer.useTransport(previous);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: 'vera@example.ru', subject: 'Срок задачи прошёл' });
    expect(sent[0]!.text).toContain('Срок согласования «Договор» прошёл');
    const [job] = await h.db.query<{ status: string }>('select status from job where name = ?', [
      staffMailJobName,
    ]);
    expect(job?.status).toBe('done');
  });

  it('answers 400 on bad input, 404 on an unknown task, 401 without a session', async () => {
    const headers = anna.headers;
    expect((await api(h.app, 'GET', '/tasks?limit=0', headers)).statusCode).toBe(400);
    expect((await api(h.app, 'GET', '/tasks?scope=all', headers)).statusCode).toBe(400);
    const cursor = await api(h.app, 'GET', '/tasks?after=not-a-cursor', headers);
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().error.code).toBe('bad_cursor');
    const some = randomUUID();
    expect((await api(h.app, 'POST', `/tasks/${some}/complete`, headers, { outcome: 5 })).statusCode).toBe(
      400,
    );
    expect((await api(h.app, 'POST', `/tasks/${some}/complete`, headers, { extra: 1 })).statusCode).toBe(400);
    expect((await api(h.app, 'POST', `/tasks/${some}/delegate`, headers, { to: 'x' })).statusCode).toBe(400);
    const many = Array.from({ length: 101 }, () => randomUUID());
    expect(
      (await api(h.app, 'POST', '/tasks/bulk-complete', headers, { ids: many, outcome: 'approve' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await api(h.app, 'POST', '/tasks/bulk-complete', headers, { ids: [some], outcome: 'reject' }))
        .statusCode,
    ).toBe(400);
    expect((await api(h.app, 'GET', '/tasks/not-a-uuid', headers)).statusCode).toBe(400);
    const unknown = await api(h.app, 'GET', `/tasks/${some}`, headers);
    expect(unknown.statusCode).toBe(404);
    expect((await api(h.app, 'POST', `/tasks/${some}/claim`, headers)).statusCode).toBe(404);
    expect((await api(h.app, 'POST', `/tasks/${some}/complete`, headers, {})).statusCode).toBe(404);
    const bulk = await api(h.app, 'POST', '/tasks/bulk-complete', headers, {
      ids: [some],
      outcome: 'approve',
    });
    expect(bulk.json()).toMatchObject({ done: [], failed: [{ id: some, code: 'not_found' }] });
    expect((await api(h.app, 'GET', '/tasks', {})).statusCode).toBe(401);
    expect((await api(h.app, 'GET', `/tasks/${some}`, {})).statusCode).toBe(401);
    expect(
      (await api(h.app, 'POST', '/tasks/bulk-complete', {}, { ids: [some], outcome: 'approve' })).statusCode,
    ).toBe(401);
    expect((await api(h.app, 'GET', '/records/ticket/x/approvals', {})).statusCode).toBe(401);
    expect((await api(h.app, 'GET', '/tasks', await h.as('client'))).statusCode).toBe(403);
  });
});
