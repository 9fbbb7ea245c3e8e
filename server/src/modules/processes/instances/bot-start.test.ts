import { chain, end, processBody, start, userTask } from '@opora/runtime/test-fixtures/process-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processBot } from '../../../testing/bot-bodies.js';
import { drainBotJobs, outbound, publishBot, visitorWrites } from '../../../testing/bot-fixture.js';
import { publishLine } from '../../../testing/distribution-fixture.js';
import { drainProcessJobs, publishProcess } from '../../../testing/process-fixture.js';
import { createHarness, type Harness } from '../../../testing/test-app.js';
import { databaseTargets } from '../../../testing/test-database.js';

/** A bot's «Запустить процесс» block starts a real instance and gets its id back. */
describe.each(databaseTargets)('bots starting processes on $name', (target) => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness(target);
    h.app.jobWorker.start();
  });
  afterAll(() => h.close());

  it('starts the process with the bot’s variables and answers the instance id', async () => {
    await publishProcess(
      h.app,
      'callback',
      processBody([start(), userTask('call'), end()], chain('start', 'call', 'end')),
    );
    await publishBot(h.app, 'starter', processBot('callback'));
    await publishLine(h.app, 'starter-line', 'starter-chan', { bot: 'starter', botOnly: true });
    const dialog = await visitorWrites(h.app, 'starter-chan', 'v-start', 'Перезвоните мне');
    await drainBotJobs(h.app);
    await drainProcessJobs(h.app);
    const rows = await h.db.query<{ id: string; state: unknown }>(
      `select id, state from process_instance where process_key = 'callback'`,
    );
    expect(rows).toHaveLength(1);
    const said = (await outbound(h.db, dialog.id)).filter((m) => m.author_kind === 'bot').map((m) => m.text);
    expect(said).toEqual([`Запущен: ${rows[0]!.id}`]);
    const instance = await h.app.processInstances.get(rows[0]!.id);
    expect(instance).toMatchObject({ status: 'running', variables: { source: 'чат' } });
  });
});
