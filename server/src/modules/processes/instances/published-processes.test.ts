import { chain, end, processBody, start, userTask } from '@opora/runtime/test-fixtures/process-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishProcess } from '../../../testing/process-fixture.js';
import { createHarness, type Harness } from '../../../testing/test-app.js';
import { databaseTargets } from '../../../testing/test-database.js';
import type { PublishedProcesses } from './published-processes.js';

const body = (task: string) => processBody([start(), userTask(task), end()], chain('start', task, 'end'));
const starting = (processes: PublishedProcesses) =>
  processes.startingAt((node) => node.type === 'bpmn.startEvent');
const keysOf = async (processes: PublishedProcesses) =>
  (await starting(processes)).map((s) => `${s.process.key}@${s.process.version}`);

/**
 * Record saves ask which processes start on them: the list of latest versions is kept in memory and forgotten by
 * a publish — in the publishing process at once, in another through the database's NOTIFY on the channel the
 * published definitions' cache hears (tested in published-cache.test.ts).
 */
describe.each(databaseTargets)('published processes on $name', (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(target);
  });
  afterAll(() => h.close());

  it('answers from memory between publishes, and sees a publish at once', async () => {
    await publishProcess(h.app, 'listed-a', body('a'));
    const processes = h.app.publishedProcesses;
    expect(await keysOf(processes)).toContain('listed-a@1');
    // Past the few seconds after its own publish that it reads through, it reads the list once, then answers from
    // memory.
    await new Promise((r) => setTimeout(r, 5_100));
    let statements = 0;
    const query = h.db.query.bind(h.db);
    h.db.query = ((...args: Parameters<typeof query>) => {
      statements++;
      return query(...args);
    }) as typeof query;
    await keysOf(processes);
    await keysOf(processes);
    h.db.query = query;
    expect(statements).toBeLessThanOrEqual(1);
    await publishProcess(h.app, 'listed-a', body('b'));
    expect(await keysOf(processes)).toContain('listed-a@2');
  });
});
