import { chain, end, node, processBody, start, userTask } from '@opora/runtime/test-fixtures/process-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visitorWrites } from '../../../testing/bot-fixture.js';
import { api, publishLine } from '../../../testing/distribution-fixture.js';
import { createSupportDesk, publishPortal } from '../../../testing/portal-fixture.js';
import { drainProcessJobs, MemoryTasks, publishProcess } from '../../../testing/process-fixture.js';
import { createHarness, type Harness } from '../../../testing/test-app.js';
import { databaseTargets } from '../../../testing/test-database.js';
import { maxMessageHops } from './message-publish.js';
import { processRetentionJobName } from './retention-job.js';

const service = (id: string, config: Record<string, unknown>) => node(id, 'bpmn.serviceTask', config);

/** What instances do beyond their own state: called processes, records, clients, staff, other instances. */
describe.each(databaseTargets)('process effects on $name', (target) => {
  let h: Harness;
  const tasks = new MemoryTasks();
  const instance = (id: string) => h.app.processInstances.get(id);

  beforeAll(async () => {
    h = await createHarness(target);
    h.app.processInstances.tasks = tasks;
    h.app.jobWorker.start();
    await createSupportDesk(h);
    await publishPortal(h);
  });
  afterAll(() => h.close());

  it('runs a called process as a child and goes on with its variables when it completes', async () => {
    await publishProcess(
      h.app,
      'child',
      processBody([start(), userTask('work'), end()], chain('start', 'work', 'end')),
    );
    await publishProcess(
      h.app,
      'parent',
      processBody(
        [
          start(),
          node('call', 'bpmn.callActivity', { process: 'child', variables: { topic: "'счёт'" } }),
          end(),
        ],
        chain('start', 'call', 'end'),
      ),
    );
    const { instanceId } = await h.app.processInstances.start('parent', {});
    await drainProcessJobs(h.app);
    const [child] = await h.db.query<{ id: string }>(`select id from process_instance where parent_id = ?`, [
      instanceId,
    ]);
    expect(child).toBeDefined();
    expect(await instance(child!.id)).toMatchObject({ status: 'running', variables: { topic: 'счёт' } });
    const [task] = tasks.of(child!.id);
    await h.app.processInstances.feed(child!.id, {
      type: 'taskCompleted',
      taskId: task!.taskId,
      actor: 'u',
      variables: { answer: 42 },
    });
    expect((await instance(instanceId))?.status).toBe('running');
    await drainProcessJobs(h.app);
    expect(await instance(instanceId)).toMatchObject({ status: 'completed', variables: { answer: 42 } });
  });

  it('cancels the processes an instance called when it is cancelled', async () => {
    await publishProcess(
      h.app,
      'long-child',
      processBody([start(), userTask('work'), end()], chain('start', 'work', 'end')),
    );
    await publishProcess(
      h.app,
      'cancelled-parent',
      processBody(
        [start(), node('call', 'bpmn.callActivity', { process: 'long-child', variables: {} }), end()],
        chain('start', 'call', 'end'),
      ),
    );
    const { instanceId } = await h.app.processInstances.start('cancelled-parent', {});
    await drainProcessJobs(h.app);
    const [child] = await h.db.query<{ id: string }>(`select id from process_instance where parent_id = ?`, [
      instanceId,
    ]);
    expect((await instance(child!.id))?.status).toBe('running');
    await h.app.processInstances.feed(instanceId, { type: 'cancel', reason: 'отменено' });
    await drainProcessJobs(h.app);
    expect((await instance(instanceId))?.status).toBe('terminated');
    expect((await instance(child!.id))?.status).toBe('terminated');
  });

  it('sets the record’s status through the records and writes to its client’s conversation', async () => {
    const client = await h.app.records.create(
      'client',
      { fullName: 'Анна', email: 'anna@example.ru' },
      null,
      'ru',
    );
    const request = await h.app.records.create(
      'request',
      { subject: 'Не работает', description: 'Совсем', client: client.id },
      null,
      'ru',
    );
    await publishLine(h.app, 'proc-line', 'proc-chan', {});
    const dialog = await visitorWrites(h.app, 'proc-chan', 'v-anna', 'Здравствуйте');
    await h.db.query('update conversation set client_record_id = ? where id = ?', [client.id, dialog.id]);
    await publishProcess(
      h.app,
      'take',
      processBody(
        [
          start(),
          service('work', { action: 'setStatus', status: 'in_progress' }),
          service('tell', { action: 'clientMessage', text: { ru: 'Заявка {{number}} в работе' } }),
          end(),
        ],
        chain('start', 'work', 'tell', 'end'),
        { entity: 'request' },
      ),
    );
    const { instanceId } = await h.app.processInstances.start('take', {
      record: { entity: 'request', id: request.id },
      variables: { number: request.number },
    });
    await drainProcessJobs(h.app);
    expect((await instance(instanceId))?.status).toBe('completed');
    expect((await h.app.records.get('request', request.id, null)).data.status).toBe('in_progress');
    const sent = await h.db.query<{ text: string; author_kind: string }>(
      `select text, author_kind from message where conversation_id = ? and direction = 'out'`,
      [dialog.id],
    );
    expect(sent).toEqual([{ text: `Заявка ${request.number} в работе`, author_kind: 'system' }]);
    const history = await h.db.query<{ n: number | string }>(
      `select count(*) as n from audit_log where target_id = ?`,
      [request.id],
    );
    expect(Number(history[0]?.n)).toBeGreaterThan(1);
  });

  it('fails the instance when the status model refuses the move', async () => {
    const request = await h.app.records.create(
      'request',
      { subject: 'Тест', description: 'Тест' },
      null,
      'ru',
    );
    await publishProcess(
      h.app,
      'close-now',
      processBody(
        [start(), service('close', { action: 'setStatus', status: 'closed' }), end()],
        chain('start', 'close', 'end'),
        {
          entity: 'request',
        },
      ),
    );
    const { instanceId } = await h.app.processInstances.start('close-now', {
      record: { entity: 'request', id: request.id },
    });
    await drainProcessJobs(h.app);
    const failed = await instance(instanceId);
    expect(failed?.status).toBe('failed');
    expect(failed?.error?.nodeId).toBe('close');
    expect((await h.app.records.get('request', request.id, null)).data.status).toBe('new');
  });

  it('notifies staff through the task port and goes on', async () => {
    await publishProcess(
      h.app,
      'notify',
      processBody(
        [
          start(),
          service('tell', {
            action: 'notifyStaff',
            to: { kind: 'role', value: 'supervisor' },
            text: { ru: 'Внимание' },
          }),
          end(),
        ],
        chain('start', 'tell', 'end'),
      ),
    );
    const { instanceId } = await h.app.processInstances.start('notify', {});
    await drainProcessJobs(h.app);
    expect((await instance(instanceId))?.status).toBe('completed');
    expect(tasks.notices.find((n) => n.instanceId === instanceId)?.effect).toMatchObject({
      to: { kind: 'role', value: 'supervisor' },
      text: 'Внимание',
    });
  });

  it('delivers a message one instance throws to another that waits for it', async () => {
    await publishProcess(
      h.app,
      'listener',
      processBody(
        [start(), node('hear', 'bpmn.intermediateCatchEvent', { kind: 'message', message: 'ping' }), end()],
        chain('start', 'hear', 'end'),
      ),
    );
    await publishProcess(
      h.app,
      'thrower',
      processBody(
        [start(), node('say', 'bpmn.intermediateThrowEvent', { kind: 'message', message: 'ping' }), end()],
        chain('start', 'say', 'end'),
      ),
    );
    const listener = await h.app.processInstances.start('listener', { variables: { mine: 1 } });
    await h.app.processInstances.start('thrower', { variables: { said: 'привет' } });
    await drainProcessJobs(h.app);
    expect(await instance(listener.instanceId)).toMatchObject({
      status: 'completed',
      variables: { said: 'привет' },
    });
  });

  it('does not start a process again from a message it throws itself', async () => {
    await publishProcess(
      h.app,
      'echo',
      processBody(
        [
          node('heard', 'bpmn.startEvent', { trigger: 'message', message: 'echo' }),
          node('say', 'bpmn.intermediateThrowEvent', { kind: 'message', message: 'echo' }),
          end(),
        ],
        chain('heard', 'say', 'end'),
      ),
    );
    const sent = await api(h.app, 'POST', '/processes/messages', await h.as('operator'), {
      name: 'echo',
      messageId: 'test-echo',
    });
    expect(sent.json()).toEqual({ delivered: 1 });
    await drainProcessJobs(h.app);
    const rows = await h.db.query(`select status from process_instance where process_key = 'echo'`);
    expect(rows).toEqual([{ status: 'completed' }]);
  });

  it('stops two processes that start each other by messages after a bounded chain, and logs the drop', async () => {
    const pingPong = (key: string, hears: string, says: string) =>
      publishProcess(
        h.app,
        key,
        processBody(
          [
            node('heard', 'bpmn.startEvent', { trigger: 'message', message: hears }),
            node('say', 'bpmn.intermediateThrowEvent', { kind: 'message', message: says }),
            end(),
          ],
          chain('heard', 'say', 'end'),
        ),
      );
    await pingPong('loop-a', 'loop.ping', 'loop.pong');
    await pingPong('loop-b', 'loop.pong', 'loop.ping');
    const dropped: unknown[] = [];
    const deps = (h.app.processInstances as unknown as { deps: { onDroppedMessage?: (m: unknown) => void } })
      .deps;
    const logged = deps.onDroppedMessage;
    deps.onDroppedMessage = (message) => dropped.push(message);
    try {
      const sent = await api(h.app, 'POST', '/processes/messages', await h.as('operator'), {
        name: 'loop.ping',
        messageId: 'test-loop',
      });
      expect(sent.json()).toEqual({ delivered: 1 });
      await drainProcessJobs(h.app);
    } finally {
      deps.onDroppedMessage = logged;
    }
    const rows = await h.db.query<{ process_key: string; status: string }>(
      `select process_key, status from process_instance where process_key like 'loop-%'`,
    );
    // The API's message starts A (0 hops), A's starts B (1) … up to 20 hops: 21 instances, all ended.
    expect(rows).toHaveLength(maxMessageHops + 1);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['completed']));
    expect(dropped).toEqual([expect.objectContaining({ name: 'loop.pong', from: 'loop-a', hops: 21 })]);
  });

  it('deletes ended instances past the history period and keeps running ones', async () => {
    await publishProcess(
      h.app,
      'old',
      processBody([start(), userTask('t'), end()], chain('start', 't', 'end')),
    );
    const ended = await h.app.processInstances.start('old', {});
    const running = await h.app.processInstances.start('old', {});
    await h.app.processInstances.feed(ended.instanceId, { type: 'cancel' });
    await h.db.query(
      `update process_instance set ended_at = now() - interval '400 days', started_at = now() - interval '401 days'`,
    );
    await h.db.query(`update process_instance set ended_at = null where status = 'running'`);
    await h.app.jobQueue.enqueue(processRetentionJobName, {});
    await drainProcessJobs(h.app);
    await h.app.jobWorker.tick();
    await h.app.jobWorker.idle();
    expect(await instance(ended.instanceId)).toBeNull();
    expect((await instance(running.instanceId))?.status).toBe('running');
  });
});
