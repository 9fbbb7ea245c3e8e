import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helperBot } from '../../testing/bot-bodies.js';
import { drainBotJobs, publishBot, visitorWrites } from '../../testing/bot-fixture.js';
import { api, publishLine } from '../../testing/distribution-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';
import { silentAfterMs } from './bot-stats.js';

/** Per-block statistics of a bot, from real sessions driven through the durable bot jobs. */
describe.each(databaseTargets)('bot statistics on $name', (target) => {
  let h: Harness;
  // The app's clock runs with the wall clock, shifted when a test needs the clients to have gone quiet.
  let shift = 0;
  const write = async (channel: string, visitor: string, text: string) => {
    const conversation = await visitorWrites(h.app, channel, visitor, text);
    await drainBotJobs(h.app);
    return conversation;
  };
  const stats = async (key: string, query = '', role: 'analyst' | 'operator' = 'analyst') =>
    api(h.app, 'GET', `/bots/${key}/stats${query}`, await h.as(role));

  beforeAll(async () => {
    h = await createHarness(target, { clock: { now: () => Date.now() + shift } });
    h.app.jobWorker.start();
  });
  afterAll(() => h.close());

  it('counts per block the sessions that reached it, stopped there and were handed to operators from it', async () => {
    await publishLine(h.app, 'stats-people', 'stats-people-chan', { groups: ['stats-g'] });
    await publishBot(h.app, 'stats-helper', helperBot('stats-people'));
    await publishLine(h.app, 'stats-line', 'stats-chan', { bot: 'stats-helper', groups: ['stats-g'] });
    expect((await stats('stats-helper')).json()).toEqual({ sessions: 0, versions: [], blocks: {} });

    // Ann goes all the way to an operator; Boris stops at the topic question; Vera's dialog is closed there.
    await write('stats-chan', 'ann', 'Хочу вернуть деньги');
    await write('stats-chan', 'ann', 'Оплата');
    await write('stats-chan', 'ann', '+7 912 345-67-89');
    await write('stats-chan', 'boris', 'Вопрос');
    const vera = await write('stats-chan', 'vera', 'Вопрос');
    const closed = await api(h.app, 'POST', `/conversations/${vera.id}/close`, await h.as('supervisor'));
    expect(closed.statusCode).toBe(200);

    const now = (await stats('stats-helper')).json();
    expect(now.sessions).toBe(3);
    expect(now.versions).toEqual([1]);
    expect(now.blocks.hello).toEqual({ reached: 3, left: 0, handedOver: 0 });
    // Boris has not been quiet long enough to count as gone; Vera's closed dialog left at the topic.
    expect(now.blocks.topic).toEqual({ reached: 3, left: 1, handedOver: 0 });
    expect(now.blocks.phone).toEqual({ reached: 1, left: 0, handedOver: 0 });
    expect(now.blocks.people).toEqual({ reached: 1, left: 0, handedOver: 1 });
    expect(now.blocks.back).toBeUndefined();

    shift = silentAfterMs + 60_000;
    const later = (await stats('stats-helper')).json();
    // Boris went silent at the topic; Ann is with operators, not gone.
    expect(later.blocks.topic.left).toBe(2);
    expect(later.blocks.people).toEqual({ reached: 1, left: 0, handedOver: 1 });
    shift = 0;
  });

  it('narrows to one published version', async () => {
    await publishLine(h.app, 'ver-people', 'ver-people-chan', { groups: ['ver-g'] });
    await publishBot(h.app, 'ver-helper', helperBot('ver-people'));
    await publishLine(h.app, 'ver-line', 'ver-chan', { bot: 'ver-helper', groups: ['ver-g'] });
    await write('ver-chan', 'gleb', 'Вопрос');
    await publishBot(h.app, 'ver-helper', helperBot('ver-people', 'Привет! Это новая версия.'));
    await write('ver-chan', 'dina', 'Вопрос');
    await write('ver-chan', 'dina', 'Другое');
    const all = (await stats('ver-helper')).json();
    expect(all).toMatchObject({ sessions: 2, versions: [2, 1] });
    expect(all.blocks.people).toEqual({ reached: 1, left: 0, handedOver: 1 });
    const second = (await stats('ver-helper', '?version=2')).json();
    expect(second.sessions).toBe(1);
    expect(second.blocks.hello.reached).toBe(1);
    const first = (await stats('ver-helper', '?version=1')).json();
    expect(first.blocks.people).toBeUndefined();
  });

  it('is for the bot’s designers only', async () => {
    expect((await stats('ver-helper', '', 'operator')).statusCode).toBe(403);
    const anonymous = await api(h.app, 'GET', '/bots/ver-helper/stats', {});
    expect(anonymous.statusCode).toBe(401);
    expect((await stats('Not a key!')).statusCode).toBe(400);
  });
});
