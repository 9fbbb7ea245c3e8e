import { chain, end, node, processBody, userTask } from '@opora/runtime/test-fixtures/process-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupportDesk, portalFormKey, publishPortal } from '../../../testing/portal-fixture.js';
import { drainProcessJobs, MemoryTasks, publishProcess } from '../../../testing/process-fixture.js';
import { createHarness, type Harness } from '../../../testing/test-app.js';
import { databaseTargets } from '../../../testing/test-database.js';

const instancesOf = (h: Harness, key: string) =>
  h.db.query<{ id: string; record_id: string | null }>(
    'select id, record_id from process_instance where process_key = ? order by started_at, id',
    [key],
  );

/** Processes that start by themselves: on a record's creation or status change, a form, a timer. */
describe.each(databaseTargets)('process start triggers on $name', (target) => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness(target);
    h.app.processInstances.tasks = new MemoryTasks();
    h.app.jobWorker.start();
    await createSupportDesk(h);
    await publishPortal(h);
  });
  afterAll(() => h.close());

  it('starts on a created record and on a status change to the named status, once per save', async () => {
    const onRecord = (id: string, config: Record<string, unknown>) =>
      processBody(
        [
          node(id, 'bpmn.startEvent', { trigger: 'record', entity: 'request', ...config }),
          userTask('t'),
          end(),
        ],
        chain(id, 't', 'end'),
      );
    await publishProcess(h.app, 'on-created', onRecord('created', { on: 'created' }));
    await publishProcess(
      h.app,
      'on-resolved',
      onRecord('resolved', { on: 'statusChanged', status: 'resolved' }),
    );
    const request = await h.app.records.create('request', { subject: 'A', description: 'B' }, null, 'ru');
    const created = await instancesOf(h, 'on-created');
    expect(created).toEqual([{ id: expect.any(String), record_id: request.id }]);
    expect(await h.app.processInstances.get(created[0]!.id)).toMatchObject({
      record: { entity: 'request', id: request.id },
      variables: { record: { id: request.id, number: request.number } },
    });
    const working = await h.app.records.update(
      'request',
      request.id,
      1,
      { status: 'in_progress' },
      null,
      'ru',
    );
    expect(await instancesOf(h, 'on-resolved')).toEqual([]);
    await h.app.records.update('request', request.id, working.version, { status: 'resolved' }, null, 'ru');
    expect(await instancesOf(h, 'on-resolved')).toHaveLength(1);
    expect(await instancesOf(h, 'on-created')).toHaveLength(1);
  });

  it('starts on a submitted form, about the record it saved', async () => {
    await publishProcess(
      h.app,
      'on-form',
      processBody(
        [node('sent', 'bpmn.startEvent', { trigger: 'form', form: portalFormKey }), userTask('t'), end()],
        chain('sent', 't', 'end'),
      ),
    );
    const { record } = await h.app.forms.submit(
      portalFormKey,
      { data: { subject: 'С портала', description: 'Помогите' } },
      null,
      'ru',
      { viaPortal: true },
    );
    expect(await instancesOf(h, 'on-form')).toEqual([{ id: expect.any(String), record_id: record.id }]);
  });

  it('starts on a cron timer while the version is the latest, and schedules the next run', async () => {
    const timed = (cron: string) =>
      processBody(
        [node('tick', 'bpmn.startEvent', { trigger: 'timer', cron }), userTask('t'), end()],
        chain('tick', 't', 'end'),
      );
    await publishProcess(h.app, 'nightly', timed('0 3 * * *'));
    const due = (version: number) =>
      h.db.query(
        `update job set run_at = now() where name = 'process.timerStart' and status = 'pending'
           and payload->>'key' = 'nightly' and payload->>'version' = ? returning id`,
        [String(version)],
      );
    expect(await due(1)).toHaveLength(1);
    await drainProcessJobs(h.app);
    expect(await instancesOf(h, 'nightly')).toHaveLength(1);
    await publishProcess(h.app, 'nightly', timed('0 4 * * *'));
    // The first version's next run is due, but a newer version is published: it starts nothing and stops.
    expect(await due(1)).toHaveLength(1);
    await drainProcessJobs(h.app);
    expect(await instancesOf(h, 'nightly')).toHaveLength(1);
    const pending = await h.db.query<{ version: number }>(
      `select (payload->>'version')::int as version from job where name = 'process.timerStart' and status = 'pending'
         and payload->>'key' = 'nightly'`,
    );
    expect(pending.map((p) => Number(p.version))).toEqual([2]);
  });
});
