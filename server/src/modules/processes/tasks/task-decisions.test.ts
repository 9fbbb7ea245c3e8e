import { chain, end, node, processBody, start, userTask } from '@opora/runtime/test-fixtures/process-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDefinition } from '../../../testing/definitions.js';
import { api, operator } from '../../../testing/distribution-fixture.js';
import { ticketEntity } from '../../../testing/fixtures.js';
import { drainProcessJobs, publishProcess } from '../../../testing/process-fixture.js';
import { createHarness, type Harness } from '../../../testing/test-app.js';
import { databaseTargets } from '../../../testing/test-database.js';

type Person = Awaited<ReturnType<typeof operator>>;
interface Task {
  id: string;
  instanceId: string;
  title: string;
  documentHash?: string;
  outcomes: string[];
  status: string;
}

/** Deciding process tasks end to end: the real instances, engine, records and job queue, on a real database. */
describe.each(databaseTargets)('deciding process tasks on $name', (target) => {
  let h: Harness;
  let anna: Person;
  let boris: Person;
  let kira: Person;
  let admin: Record<string, string>;

  const approval = (approvers: object, extra: Record<string, unknown> = {}) =>
    processBody(
      [
        start(),
        node(
          'approve',
          'opora.approvalTask',
          { approvers, mode: 'parallel', rule: 'all', fourEyes: true, allowReturn: true, ...extra },
          { name: 'Согласовать договор' },
        ),
        end(),
      ],
      chain('start', 'approve', 'end'),
    );

  const newRecord = async (subject: string) => {
    const res = await api(h.app, 'POST', '/records/ticket', admin, { data: { subject } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  /** Kira starts the process on a record: she is the document's author. */
  const startOn = async (key: string, recordId: string, variables: object = {}) => {
    const res = await api(h.app, 'POST', `/processes/${key}/instances`, kira.headers, {
      record: { entity: 'ticket', id: recordId },
      variables,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };
  const inbox = async (who: Person) => (await api(h.app, 'GET', '/tasks?limit=200', who.headers)).json();
  const taskIn = async (who: Person, instanceId: string): Promise<Task> => {
    const task = (await inbox(who)).items.find((t: Task) => t.instanceId === instanceId);
    expect(task).toBeDefined();
    return task;
  };
  const instance = async (id: string) =>
    (await api(h.app, 'GET', `/processes/instances/${id}`, admin)).json();
  const complete = (who: Person, task: Task, body: object) =>
    api(h.app, 'POST', `/tasks/${task.id}/complete`, who.headers, body);

  beforeAll(async () => {
    h = await createHarness(target);
    h.app.jobWorker.start();
    admin = await h.as('admin');
    await publishDefinition(h, { kind: 'entity', key: 'ticket', name: 'Ticket', body: ticketEntity });
    anna = await operator(h.app, 'Анна');
    boris = await operator(h.app, 'Борис');
    kira = await operator(h.app, 'Кира');
    await publishProcess(h.app, 'contract', approval({ kind: 'listField', value: 'approvers' }));
    await publishProcess(h.app, 'by-role', approval({ kind: 'roles', value: 'operator' }, { rule: 'any' }));
    await publishProcess(
      h.app,
      'check',
      processBody([start(), userTask('check', 'operator'), end()], chain('start', 'check', 'end')),
    );
  });
  afterAll(() => h.close());

  it('approves with the hash the approver saw: the instance moves on, the sheet lists the decisions in order', async () => {
    const doc = await newRecord('Договор поставки');
    const started = await startOn('contract', doc.id, { approvers: [anna.id, boris.id] });
    const annas = await taskIn(anna, started.id);
    expect(annas).toMatchObject({ title: 'Согласовать договор', outcomes: ['approve', 'reject', 'return'] });
    expect(annas.documentHash).toMatch(/^[0-9a-f]{64}$/);
    const detail = await api(h.app, 'GET', `/tasks/${annas.id}`, anna.headers);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      record: { entity: 'ticket', id: doc.id, title: 'Договор поставки' },
      variables: { approvers: [anna.id, boris.id] },
      decisions: [],
    });

    const first = await complete(anna, annas, {
      outcome: 'approve',
      seenHash: annas.documentHash,
      comment: 'ок',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      status: 'completed',
      outcome: 'approve',
      completedBy: { id: anna.id },
    });
    expect((await instance(started.id)).status).toBe('running');
    const borises = await taskIn(boris, started.id);
    expect(
      (await complete(boris, borises, { outcome: 'approve', seenHash: borises.documentHash })).statusCode,
    ).toBe(200);
    expect(await instance(started.id)).toMatchObject({
      status: 'completed',
      variables: { outcome: 'approved' },
    });
    const done = (await api(h.app, 'GET', '/tasks?status=done&limit=200', anna.headers)).json();
    expect(done.items.find((t: Task) => t.id === annas.id)).toMatchObject({
      status: 'completed',
      comment: 'ок',
    });
    expect((await inbox(anna)).items.some((t: Task) => t.id === annas.id)).toBe(false);
    const again = await complete(anna, annas, { outcome: 'approve', seenHash: annas.documentHash });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('task_closed');

    const sheet = await api(h.app, 'GET', `/records/ticket/${doc.id}/approvals`, admin);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.json().items).toMatchObject([
      {
        instanceId: started.id,
        processKey: 'contract',
        nodeId: 'approve',
        nodeName: 'Согласовать договор',
        round: 1,
        actor: { id: anna.id, name: 'Анна' },
        outcome: 'approve',
        hash: annas.documentHash,
        comment: 'ок',
      },
      { actor: { id: boris.id, name: 'Борис' }, outcome: 'approve' },
    ]);
    expect((await api(h.app, 'GET', '/records/ticket/other/approvals', admin)).json()).toEqual({ items: [] });
  });

  it('refuses a decision on a document changed since it was opened with 409 document_changed', async () => {
    const doc = await newRecord('Счёт');
    const started = await startOn('contract', doc.id, { approvers: [anna.id] });
    const seen = await taskIn(anna, started.id);
    const edit = await api(h.app, 'PATCH', `/records/ticket/${doc.id}`, admin, {
      version: doc.version,
      data: { subject: 'Счёт (исправлен)' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const stale = await complete(anna, seen, { outcome: 'approve', seenHash: seen.documentHash });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'document_changed',
      message: expect.stringMatching(/^Документ изменился/),
    });
    const english = await h.app.inject({
      method: 'POST',
      url: `/api/v1/tasks/${seen.id}/complete`,
      headers: { ...anna.headers, 'accept-language': 'en' },
      payload: { outcome: 'approve' },
    });
    expect(english.statusCode).toBe(409);
    const fresh = await taskIn(anna, started.id);
    expect(fresh.documentHash).not.toBe(seen.documentHash);
    expect(
      (await complete(anna, fresh, { outcome: 'approve', seenHash: fresh.documentHash })).statusCode,
    ).toBe(200);
    expect((await instance(started.id)).status).toBe('completed');
  });

  it('keeps the author off their own document: 403 four_eyes', async () => {
    const doc = await newRecord('Приказ');
    const started = await startOn('by-role', doc.id);
    const hers = await taskIn(kira, started.id);
    const res = await complete(kira, hers, { outcome: 'approve', seenHash: hers.documentHash });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'four_eyes',
      message: 'Автор документа не может согласовывать его сам (принцип четырёх глаз)',
    });
    expect((await instance(started.id)).status).toBe('running');
    const his = await taskIn(boris, started.id);
    expect((await complete(boris, his, { outcome: 'approve', seenHash: his.documentHash })).statusCode).toBe(
      200,
    );
    expect((await instance(started.id)).status).toBe('completed');
  });

  it('lets a supervisor decide a task someone took; a colleague gets 409 task_claimed', async () => {
    const doc = await newRecord('Служебная записка');
    const started = await startOn('by-role', doc.id);
    const task = await taskIn(anna, started.id);
    expect((await api(h.app, 'POST', `/tasks/${task.id}/claim`, anna.headers)).statusCode).toBe(200);
    const colleague = await complete(boris, task, { outcome: 'approve', seenHash: task.documentHash });
    expect(colleague.statusCode).toBe(409);
    expect(colleague.json().error.code).toBe('task_claimed');
    const supervisor = await h.as('supervisor');
    const team = (await api(h.app, 'GET', '/tasks?scope=team&limit=200', supervisor)).json();
    expect(team.items.find((t: Task) => t.id === task.id)).toMatchObject({
      claimedBy: { id: anna.id, name: 'Анна' },
    });
    const decided = await api(h.app, 'POST', `/tasks/${task.id}/complete`, supervisor, {
      outcome: 'approve',
      seenHash: task.documentHash,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((await instance(started.id)).status).toBe('completed');
  });

  it('delegates an approval: the new approver sees it, the sheet says who passed it to whom', async () => {
    const doc = await newRecord('Акт');
    const started = await startOn('contract', doc.id, { approvers: [anna.id] });
    const annas = await taskIn(anna, started.id);
    const unknown = await api(h.app, 'POST', `/tasks/${annas.id}/delegate`, anna.headers, {
      to: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    const passed = await api(h.app, 'POST', `/tasks/${annas.id}/delegate`, anna.headers, {
      to: boris.id,
      comment: 'в отпуске',
    });
    expect(passed.statusCode, passed.body).toBe(200);
    expect(passed.json()).toMatchObject({ status: 'completed', outcome: 'delegate' });
    expect((await inbox(anna)).items.some((t: Task) => t.instanceId === started.id)).toBe(false);
    const his = await taskIn(boris, started.id);
    expect(his.status).toBe('open');
    expect((await complete(boris, his, { outcome: 'approve', seenHash: his.documentHash })).statusCode).toBe(
      200,
    );
    const sheet = (await api(h.app, 'GET', `/records/ticket/${doc.id}/approvals`, admin)).json().items;
    expect(sheet).toMatchObject([
      {
        actor: { id: anna.id },
        outcome: 'delegate',
        delegateTo: { id: boris.id, name: 'Борис' },
        comment: 'в отпуске',
      },
      { actor: { id: boris.id }, outcome: 'approve' },
    ]);
  });

  it('returns a document for revision: the author revises it, the approvers decide again in round 2', async () => {
    const doc = await newRecord('Положение');
    const started = await startOn('contract', doc.id, { approvers: [anna.id] });
    const first = await taskIn(anna, started.id);
    const back = await complete(anna, first, {
      outcome: 'return',
      seenHash: first.documentHash,
      comment: 'доработать',
    });
    expect(back.statusCode, back.body).toBe(200);
    const revision = await taskIn(kira, started.id);
    expect(revision).toMatchObject({
      kind: 'revision',
      outcomes: [],
      assignee: { kind: 'user', value: kira.id },
    });
    expect((await complete(anna, revision, {})).statusCode).toBe(403);
    expect((await complete(kira, revision, {})).statusCode).toBe(200);
    const second = await taskIn(anna, started.id);
    expect(second.id).not.toBe(first.id);
    expect(
      (await complete(anna, second, { outcome: 'approve', seenHash: second.documentHash })).statusCode,
    ).toBe(200);
    expect((await instance(started.id)).status).toBe('completed');
    const sheet = (await api(h.app, 'GET', `/records/ticket/${doc.id}/approvals`, admin)).json().items;
    expect(sheet.map((r: { round: number; outcome: string }) => [r.round, r.outcome])).toEqual([
      [1, 'return'],
      [2, 'approve'],
    ]);
  });

  it('reminds the approver before the deadline and escalates a passed one, in the app, once each', async () => {
    await publishProcess(
      h.app,
      'timed',
      approval(
        { kind: 'listField', value: 'approvers' },
        { dueInSeconds: 7200, remindBeforeSeconds: 3600, escalateTo: { kind: 'role', value: 'supervisor' } },
      ),
    );
    const doc = await newRecord('Срочный договор');
    const started = await startOn('timed', doc.id, { approvers: [anna.id] });
    const task = await taskIn(anna, started.id);
    expect(task).toMatchObject({ overdue: false });
    const fire = async () => {
      await h.db.query(
        `update job set run_at = now() where id = (select id from job where name = 'process.timer'
           and payload->>'instanceId' = ? and status = 'pending' order by run_at limit 1)`,
        [started.id],
      );
      await drainProcessJobs(h.app);
    };
    const notices = async (who: Record<string, string>) =>
      (await api(h.app, 'GET', '/portal/my/notifications?limit=100', who))
        .json()
        .items.filter((n: { link: string | null }) => n.link === `/work/tasks/${task.id}`);
    await fire();
    expect(await notices(anna.headers)).toMatchObject([
      { title: 'Напоминание о задаче', text: 'Напоминание: согласование «Согласовать договор»' },
    ]);
    await fire();
    expect(await notices(await h.as('supervisor'))).toMatchObject([
      { title: 'Срок задачи прошёл', text: 'Срок согласования «Согласовать договор» прошёл' },
    ]);
    expect(await notices(anna.headers)).toHaveLength(1);
  });

  it('approves three from the list, each on its own: one not hers fails, the others go through', async () => {
    const ids: string[] = [];
    const instances: string[] = [];
    for (const [subject, who] of [
      ['Первый', anna],
      ['Второй', boris],
      ['Третий', anna],
    ] as const) {
      const doc = await newRecord(subject);
      const started = await startOn('contract', doc.id, { approvers: [who.id] });
      instances.push(started.id);
      ids.push((await taskIn(who, started.id)).id);
    }
    const res = await api(h.app, 'POST', '/tasks/bulk-complete', anna.headers, { ids, outcome: 'approve' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      done: [ids[0], ids[2]],
      failed: [{ id: ids[1], code: 'forbidden', message: expect.stringContaining('назначена не вам') }],
    });
    expect((await instance(instances[0]!)).status).toBe('completed');
    expect((await instance(instances[1]!)).status).toBe('running');
    expect((await instance(instances[2]!)).status).toBe('completed');
  });

  it('completes a user task with its answers: the instance takes them and ends', async () => {
    const doc = await newRecord('Заявка');
    const started = await startOn('check', doc.id);
    const task = await taskIn(boris, started.id);
    expect(task).toMatchObject({ kind: 'user', outcomes: [], canDelegate: false });
    expect(task).not.toHaveProperty('documentHash');
    const done = await complete(boris, task, { variables: { checked: true }, comment: 'проверено' });
    expect(done.statusCode, done.body).toBe(200);
    expect(await instance(started.id)).toMatchObject({ status: 'completed', variables: { checked: true } });
  });
  it('a decision and a cancel of its instance at once: one wins, neither deadlocks, nothing is left half done', async () => {
    const runs = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const started = (await api(h.app, 'POST', '/processes/check/instances', admin, {})).json() as {
          id: string;
        };
        return { started, task: await taskIn(boris, started.id) };
      }),
    );
    await Promise.all(
      runs.map(async ({ started, task }) => {
        const [decided, cancelled] = await Promise.all([
          complete(boris, task, { variables: { checked: true } }),
          api(h.app, 'POST', `/processes/instances/${started.id}/cancel`, admin, {}),
        ]);
        expect(decided.statusCode, decided.body).toBeLessThan(500);
        expect(cancelled.statusCode, cancelled.body).toBeLessThan(500);
        const ended = await instance(started.id);
        expect(ended.status).toBe(decided.statusCode === 200 ? 'completed' : 'terminated');
        const [row] = await h.db.query<{ status: string }>('select status from process_task where id = ?', [
          task.id,
        ]);
        expect(row?.status).toBe(decided.statusCode === 200 ? 'completed' : 'cancelled');
      }),
    );
  });
});
