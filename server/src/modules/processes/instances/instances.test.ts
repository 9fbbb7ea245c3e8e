import { chain, end, node, processBody, start, userTask } from '@opora/runtime/test-fixtures/process-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishScript } from '../../../testing/bot-fixture.js';
import { api } from '../../../testing/distribution-fixture.js';
import { drainProcessJobs, MemoryTasks, publishProcess } from '../../../testing/process-fixture.js';
import { createHarness, type Harness } from '../../../testing/test-app.js';
import { databaseTargets } from '../../../testing/test-database.js';

/** Process instances on a real database and job queue: started by the API, stepped by jobs, fed by tasks. */
describe.each(databaseTargets)('process instances on $name', (target) => {
  let h: Harness;
  let headers: Record<string, string>;
  const tasks = new MemoryTasks();
  let n = 0;
  const key = (name: string) => `${name}_${++n}`;
  const startOf = async (processKey: string, body: object = {}) => {
    const response = await api(h.app, 'POST', `/processes/${processKey}/instances`, headers, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; status: string; processVersion: number };
  };
  const view = async (id: string) => (await api(h.app, 'GET', `/processes/instances/${id}`, headers)).json();

  beforeAll(async () => {
    h = await createHarness(target);
    h.app.processInstances.tasks = tasks;
    h.app.jobWorker.start();
    headers = await h.as('operator');
  });
  afterAll(() => h.close());

  it('runs a service task’s script by a job and completes', async () => {
    const script = key('double');
    await publishScript(
      h.app,
      script,
      'export default function run(ctx) {\n  return { twice: ctx.input.n * 2 };\n}',
    );
    const processKey = key('service');
    await publishProcess(
      h.app,
      processKey,
      processBody(
        [
          start(),
          node('calc', 'bpmn.serviceTask', { action: 'script', script, input: { n: 'n' }, output: 'result' }),
          end(),
        ],
        chain('start', 'calc', 'end'),
      ),
    );
    const started = await startOf(processKey, { variables: { n: 21 } });
    expect(started.status).toBe('running');
    await drainProcessJobs(h.app);
    const done = await view(started.id);
    expect(done).toMatchObject({ status: 'completed', variables: { n: 21, result: { twice: 42 } } });
    expect(done.endedAt).toBeTruthy();
    expect(done.history.map((e: { nodeId: string }) => e.nodeId)).toEqual(['start', 'calc', 'end']);
  });

  it('opens a user task through the task port and goes on when it is completed', async () => {
    const processKey = key('approve');
    await publishProcess(
      h.app,
      processKey,
      processBody([start(), userTask('check'), end()], chain('start', 'check', 'end')),
    );
    const started = await startOf(processKey, { record: { entity: 'ticket', id: 'r-1' } });
    const [task] = tasks.of(started.id);
    expect(task).toMatchObject({
      processKey,
      nodeId: 'check',
      kind: 'user',
      assignee: { kind: 'role', value: 'clerk' },
    });
    expect(task?.record).toEqual({ entity: 'ticket', id: 'r-1' });
    const wrong = await h.app.processInstances.feed(started.id, {
      type: 'taskCompleted',
      taskId: 'nope',
      actor: 'u',
    });
    expect(wrong.ok).toBe(false);
    const fed = await h.app.processInstances.feed(started.id, {
      type: 'taskCompleted',
      taskId: task!.taskId,
      actor: 'u',
    });
    expect(fed).toMatchObject({ ok: true, instance: { status: 'completed' } });
    expect((await view(started.id)).status).toBe('completed');
  });

  it('starts one instance per idempotency key', async () => {
    const processKey = key('once');
    await publishProcess(
      h.app,
      processKey,
      processBody([start(), userTask('t'), end()], chain('start', 't', 'end')),
    );
    const first = await h.app.processInstances.start(processKey, { idempotencyKey: `k-${processKey}` });
    const again = await h.app.processInstances.start(processKey, { idempotencyKey: `k-${processKey}` });
    expect(again.instanceId).toBe(first.instanceId);
    const rows = await h.db.query('select id from process_instance where process_key = ?', [processKey]);
    expect(rows).toHaveLength(1);
    expect(tasks.of(first.instanceId)).toHaveLength(1);
  });

  it('delivers a message by name and correlation once per message id', async () => {
    const processKey = key('waiter');
    await publishProcess(
      h.app,
      processKey,
      processBody(
        [
          start(),
          node('paid', 'bpmn.intermediateCatchEvent', {
            kind: 'message',
            message: `paid-${processKey}`,
            correlationKey: 'invoice',
          }),
          end(),
        ],
        chain('start', 'paid', 'end'),
      ),
    );
    const first = await startOf(processKey, { variables: { invoice: 'INV-1' } });
    const second = await startOf(processKey, { variables: { invoice: 'INV-2' } });
    const send = (messageId: string) =>
      api(h.app, 'POST', '/processes/messages', headers, {
        name: `paid-${processKey}`,
        correlation: 'INV-1',
        variables: { amount: 10 },
        messageId,
      });
    const sent = await send(`m-${processKey}`);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toEqual({ delivered: 1 });
    expect(await view(first.id)).toMatchObject({ status: 'completed', variables: { amount: 10 } });
    expect((await view(second.id)).status).toBe('running');
    expect((await send(`m-${processKey}`)).json()).toEqual({ delivered: 0 });
  });

  it('starts a process whose start event waits for the message', async () => {
    const processKey = key('onmsg');
    await publishProcess(
      h.app,
      processKey,
      processBody(
        [
          node('start', 'bpmn.startEvent', { trigger: 'message', message: `go-${processKey}` }),
          userTask('t'),
          end(),
        ],
        chain('start', 't', 'end'),
      ),
    );
    const sent = await api(h.app, 'POST', '/processes/messages', headers, {
      name: `go-${processKey}`,
      messageId: `s-${processKey}`,
      variables: { a: 1 },
    });
    expect(sent.json()).toEqual({ delivered: 1 });
    const list = (await api(h.app, 'GET', `/processes/instances?process=${processKey}`, headers)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ processKey, status: 'running', processName: 'Процесс' });
  });

  it('keeps an instance on the version it started on after a new publish', async () => {
    const processKey = key('pinned');
    await publishProcess(
      h.app,
      processKey,
      processBody([start(), userTask('old'), end()], chain('start', 'old', 'end')),
    );
    const before = await startOf(processKey);
    await publishProcess(
      h.app,
      processKey,
      processBody([start(), userTask('new'), end()], chain('start', 'new', 'end')),
    );
    const after = await startOf(processKey);
    expect([before.processVersion, after.processVersion]).toEqual([1, 2]);
    expect((await view(before.id)).tokens.map((t: { nodeId: string }) => t.nodeId)).toEqual(['old']);
    expect((await view(after.id)).tokens.map((t: { nodeId: string }) => t.nodeId)).toEqual(['new']);
    const [task] = tasks.of(before.id);
    await h.app.processInstances.feed(before.id, { type: 'taskCompleted', taskId: task!.taskId, actor: 'u' });
    expect((await view(before.id)).history.map((e: { nodeId: string }) => e.nodeId)).toEqual([
      'start',
      'old',
      'end',
    ]);
  });

  it('cancels a running instance: its task is cancelled, a second cancel is a conflict', async () => {
    const processKey = key('cancel');
    await publishProcess(
      h.app,
      processKey,
      processBody([start(), userTask('t'), end()], chain('start', 't', 'end')),
    );
    const started = await startOf(processKey);
    const cancelled = await api(h.app, 'POST', `/processes/instances/${started.id}/cancel`, headers, {
      reason: 'дубль',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'terminated', error: { message: 'дубль' } });
    expect(tasks.cancelled.some((c) => c.instanceId === started.id)).toBe(true);
    const again = await api(h.app, 'POST', `/processes/instances/${started.id}/cancel`, headers, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('process_instance_ended');
  });

  it('pages the list newest first and filters by status and record', async () => {
    const processKey = key('paged');
    await publishProcess(
      h.app,
      processKey,
      processBody([start(), userTask('t'), end()], chain('start', 't', 'end')),
    );
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await startOf(processKey, { record: { entity: 'deal', id: `d-${processKey}` } })).id);
    const page1 = (
      await api(h.app, 'GET', `/processes/instances?process=${processKey}&limit=2`, headers)
    ).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (
      await api(
        h.app,
        'GET',
        `/processes/instances?process=${processKey}&limit=2&after=${page1.nextCursor}`,
        headers,
      )
    ).json();
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeUndefined();
    expect([...page1.items, ...page2.items].map((i: { id: string }) => i.id).sort()).toEqual([...ids].sort());
    const byRecord = (
      await api(h.app, 'GET', `/processes/instances?record=deal:d-${processKey}&status=running`, headers)
    ).json();
    expect(byRecord.items).toHaveLength(3);
  });

  it('answers bad input with 400 and a code, unknown ids and processes with 404', async () => {
    const bad = await api(h.app, 'POST', `/processes/${key('x')}/instances`, headers, { variables: 'no' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBeTruthy();
    const cursor = await api(h.app, 'GET', '/processes/instances?after=garbage', headers);
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().error.code).toBe('bad_cursor');
    const noMessageId = await api(h.app, 'POST', '/processes/messages', headers, { name: 'x' });
    expect(noMessageId.statusCode).toBe(400);
    const missing = await api(h.app, 'POST', `/processes/${key('missing')}/instances`, headers, {});
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('process_not_found');
    const unknown = await api(
      h.app,
      'GET',
      '/processes/instances/00000000-0000-4000-8000-000000000000',
      headers,
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('process_instance_not_found');
    const unknownCancel = await api(
      h.app,
      'POST',
      '/processes/instances/00000000-0000-4000-8000-000000000000/cancel',
      headers,
      {},
    );
    expect(unknownCancel.statusCode).toBe(404);
    const noStart = await publishProcess(
      h.app,
      key('nostart'),
      processBody([start(), end()], chain('start', 'end')),
    );
    expect(noStart).toBe(1);
    const refused = await api(h.app, 'POST', `/processes/nostart_${n}/instances`, headers, {
      startEvent: 'other',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('process_start_refused');
    const anonymous = await h.app.inject({ method: 'GET', url: '/api/v1/processes/instances' });
    expect(anonymous.statusCode).toBe(401);
  });
});
