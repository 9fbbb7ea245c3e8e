import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chain, end, node, processBody, start } from '@opora/runtime/test-fixtures/process-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.js';
import { appOnDatabase } from '../../../testing/app-on-database.js';
import { drainProcessJobs, publishProcess } from '../../../testing/process-fixture.js';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../../testing/test-database.js';

type App = Awaited<ReturnType<typeof appOnDatabase>>;

const waitingProcess = (seconds: number) =>
  processBody(
    [
      start(),
      node('wait', 'bpmn.intermediateCatchEvent', { kind: 'timer', durationSeconds: seconds }),
      end(),
    ],
    chain('start', 'wait', 'end'),
  );

/** Makes the instance's pending timers due now; answers how many. */
const fireTimers = async (db: Database, instanceId: string) =>
  (
    await db.query(
      `update job set run_at = now() where name = 'process.timer' and status = 'pending'
         and payload->>'instanceId' = ? returning id`,
      [instanceId],
    )
  ).length;

/** Runs the instance's timer jobs that already ran again, as a redelivery after a crash would. */
const redeliverTimers = (db: Database, instanceId: string) =>
  db.query(
    `update job set status = 'pending', run_at = now(), finished_at = null where name = 'process.timer'
       and payload->>'instanceId' = ?`,
    [instanceId],
  );

const historyOf = async (app: App, id: string) =>
  ((await app.processInstances.get(id))?.history ?? []).map((e) => `${e.nodeId}:${e.outcome ?? ''}`);

/** An instance's timers are durable jobs: they survive a restart and fire once. */
describe.each(databaseTargets)('process timers on $name', (target) => {
  let database: TestDatabase;
  let dataDir: string;
  let app: App;

  beforeAll(async () => {
    database = await createTestDatabase(target);
    dataDir = await mkdtemp(join(tmpdir(), 'opora-process-'));
    app = await appOnDatabase(database.db, dataDir);
    app.jobWorker.start();
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps a pending timer across a restart: the new app fires it once', async () => {
    await publishProcess(app, 'waits', waitingProcess(3600));
    const { instanceId } = await app.processInstances.start('waits', {});
    await drainProcessJobs(app);
    expect(await historyOf(app, instanceId)).toEqual(['start:started', 'wait:']);
    await app.close();
    app = await appOnDatabase(database.db, dataDir);
    app.jobWorker.start();
    expect(await fireTimers(database.db, instanceId)).toBe(1);
    await drainProcessJobs(app);
    const fired = await historyOf(app, instanceId);
    expect(fired.slice(0, 2)).toEqual(['start:started', 'wait:timer']);
    expect((await app.processInstances.get(instanceId))?.status).toBe('completed');
    await redeliverTimers(database.db, instanceId);
    await drainProcessJobs(app);
    expect(await historyOf(app, instanceId)).toEqual(fired);
  });

  it('drops the pending timers of a cancelled instance', async () => {
    await publishProcess(app, 'waits-cancel', waitingProcess(3600));
    const { instanceId } = await app.processInstances.start('waits-cancel', {});
    expect((await app.processInstances.feed(instanceId, { type: 'cancel' })).ok).toBe(true);
    expect(await fireTimers(database.db, instanceId)).toBe(0);
  });
});
