import { chain, end, node, processBody, start } from '@opora/runtime/test-fixtures/process-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../../testing/distribution-fixture.js';
import { drainProcessJobs, MemoryTasks, publishProcess } from '../../../testing/process-fixture.js';
import { createHarness, type Harness } from '../../../testing/test-app.js';
import { databaseTargets } from '../../../testing/test-database.js';

/** start → wait for the message `paid-<key>` (correlated by the variable `invoice`) → end. */
const waiterBody = (message: string) =>
  processBody(
    [
      start(),
      node('paid', 'bpmn.intermediateCatchEvent', { kind: 'message', message, correlationKey: 'invoice' }),
      end(),
    ],
    chain('start', 'paid', 'end'),
  );

/** A message no instance waits for: refused by default, kept for a while when PROCESS_MESSAGE_TTL_SECONDS says so. */
describe.each(databaseTargets)('a process message nobody waits for, on $name', (target) => {
  let refusing: Harness;
  let keeping: Harness;
  let now = Date.now();
  const clock = { now: () => now };
  let n = 0;
  const key = (name: string) => `${name}_${++n}`;

  const send = (h: Harness, headers: Record<string, string>, body: object) =>
    api(h.app, 'POST', '/processes/messages', headers, body);
  const startWaiter = async (
    h: Harness,
    headers: Record<string, string>,
    processKey: string,
    invoice: string,
  ) => {
    const response = await api(h.app, 'POST', `/processes/${processKey}/instances`, headers, {
      variables: { invoice },
    });
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { id: string }).id;
  };
  const statusOf = async (h: Harness, headers: Record<string, string>, id: string) =>
    (await api(h.app, 'GET', `/processes/instances/${id}`, headers)).json() as {
      status: string;
      variables: Record<string, unknown>;
    };

  beforeAll(async () => {
    refusing = await createHarness(target);
    keeping = await createHarness(target, { processMessageTtlSeconds: 600, clock });
    for (const h of [refusing, keeping]) {
      h.app.processInstances.tasks = new MemoryTasks();
      h.app.jobWorker.start();
    }
  });
  afterAll(async () => {
    await refusing?.close();
    await keeping?.close();
  });

  it('is refused with a clear error by default, and the same message may be sent again once someone waits', async () => {
    const headers = await refusing.as('operator');
    const processKey = key('refused');
    await publishProcess(refusing.app, processKey, waiterBody(`paid-${processKey}`));
    const message = { name: `paid-${processKey}`, correlation: 'INV-1', messageId: `m-${processKey}` };
    const early = await send(refusing, headers, message);
    expect(early.statusCode).toBe(404);
    expect(early.json().error).toMatchObject({ code: 'process_message_not_delivered' });
    expect(early.json().error.message).toContain(`«paid-${processKey}» никто не ждёт`);

    const waiting = await startWaiter(refusing, headers, processKey, 'INV-1');
    expect((await send(refusing, headers, message)).json()).toEqual({ delivered: 1 });
    expect((await statusOf(refusing, headers, waiting)).status).toBe('completed');
  });

  it('is kept for its time to live and taken, once, by the first instance that comes to wait for it', async () => {
    const headers = await keeping.as('operator');
    const processKey = key('kept');
    await publishProcess(keeping.app, processKey, waiterBody(`paid-${processKey}`));
    const early = await send(keeping, headers, {
      name: `paid-${processKey}`,
      correlation: 'INV-7',
      variables: { amount: 1490 },
      messageId: `m-${processKey}`,
    });
    expect(early.statusCode, early.body).toBe(200);
    expect(early.json()).toEqual({ delivered: 0, keptUntil: new Date(now + 600_000).toISOString() });

    const other = await startWaiter(keeping, headers, processKey, 'INV-8');
    const first = await startWaiter(keeping, headers, processKey, 'INV-7');
    const second = await startWaiter(keeping, headers, processKey, 'INV-7');
    await drainProcessJobs(keeping.app);
    expect(await statusOf(keeping, headers, first)).toMatchObject({
      status: 'completed',
      variables: { amount: 1490 },
    });
    expect((await statusOf(keeping, headers, second)).status).toBe('running');
    expect((await statusOf(keeping, headers, other)).status).toBe('running');
  });

  it('is not taken once its time to live has passed', async () => {
    const headers = await keeping.as('operator');
    const processKey = key('expired');
    await publishProcess(keeping.app, processKey, waiterBody(`paid-${processKey}`));
    await send(keeping, headers, {
      name: `paid-${processKey}`,
      correlation: 'INV-9',
      messageId: `m-${processKey}`,
    });
    now += 601_000;
    const late = await startWaiter(keeping, headers, processKey, 'INV-9');
    await drainProcessJobs(keeping.app);
    expect((await statusOf(keeping, headers, late)).status).toBe('running');
  });
});
