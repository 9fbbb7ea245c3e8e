import { lineOpenAt } from '@opora/runtime/lines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, holder, newDialog, operator, publishLine } from '../../testing/distribution-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

/** Routing to lines, fair distribution, capacity and operators' actions, through the API on a real database. */
describe.each(databaseTargets)('distribution of dialogs on $name', (target) => {
  let h: Harness;
  let line = 0;
  /** A fresh line (and channel) per test, so tests do not share queues. */
  const freshLine = async (body: Parameters<typeof publishLine>[3] = {}) => {
    const key = `line-${++line}`;
    const group = `g-${line}`;
    await publishLine(h.app, key, `chan-${line}`, { groups: [group], ...body });
    return { key, channel: `chan-${line}`, group };
  };
  const settle = () => h.app.distribution.drain();

  beforeAll(async () => {
    h = await createHarness(target);
  });
  afterAll(() => h.close());

  it('routes a new dialog to its line and queues it; a bot-only line hands it to the bot', async () => {
    const { key, channel } = await freshLine();
    const dialog = await newDialog(h.app, channel);
    expect(dialog).toMatchObject({ lineKey: key, handler: 'queue', operatorId: null });
    const bot = await freshLine({ botOnly: true, bot: 'greeter' });
    expect(await newDialog(h.app, bot.channel)).toMatchObject({ lineKey: bot.key, handler: 'bot' });
  });

  it('refuses a dialog over the queue limit politely, in the client’s language', async () => {
    const { channel } = await freshLine({ maxQueue: 1 });
    const first = await newDialog(h.app, channel);
    const second = await newDialog(h.app, channel, 'Hello, where is my order?');
    expect(first.status).toBe('open');
    expect(second.status).toBe('closed');
    const [reply] = await h.db.query<{ text: string; author_kind: string }>(
      `select text, author_kind from message where conversation_id = ? and direction = 'out'`,
      [second.id],
    );
    expect(reply).toMatchObject({ author_kind: 'system' });
    expect(reply!.text).toMatch(/queue is full/);
    const custom = await freshLine({ maxQueue: 1, queueFullReply: { ru: 'Очередь полна, напишите позже' } });
    await newDialog(h.app, custom.channel);
    const refused = await newDialog(h.app, custom.channel);
    const [text] = await h.db.query<{ text: string }>(
      `select text from message where conversation_id = ? and direction = 'out'`,
      [refused.id],
    );
    expect(text!.text).toBe('Очередь полна, напишите позже');
  });

  const closedHours = { timeZone: 'UTC', week: [{ day: 1, from: '00:00', to: '00:01' }] };
  it.skipIf(lineOpenAt(closedHours, new Date()).open)(
    'answers out of hours with the line’s reply and keeps the dialog queued',
    async () => {
      const { channel, group } = await freshLine({
        hours: closedHours,
        outOfHours: {
          reply: { ru: 'Мы работаем по понедельникам', en: 'Mondays only' },
          offerRequest: false,
        },
      });
      await operator(h.app, 'Ночной', { groups: [group] });
      const dialog = await newDialog(h.app, channel);
      await settle();
      expect(await holder(h.app, dialog.id)).toMatchObject({ handler: 'queue', operator_id: null });
      const [reply] = await h.db.query<{ text: string }>(
        `select text from message where conversation_id = ? and direction = 'out'`,
        [dialog.id],
      );
      expect(reply!.text).toBe('Мы работаем по понедельникам');
    },
  );

  it('gives each dialog to the operator with the fewest, ties to the longest idle, never past capacity', async () => {
    const { channel, group } = await freshLine({ capacity: 2 });
    const anna = await operator(h.app, 'Анна', { groups: [group] });
    const boris = await operator(h.app, 'Борис', { groups: [group] });
    const vera = await operator(h.app, 'Вера', { groups: [group] }, 'offline');
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      const dialog = await newDialog(h.app, channel);
      await settle();
      order.push((await holder(h.app, dialog.id)).operator_id ?? 'queue');
    }
    // Anna went online first (idle longest), then Boris; both full at 2; the fifth waits.
    expect(order).toEqual([anna.id, boris.id, anna.id, boris.id, 'queue']);
    // Vera comes online: she gets the waiting one at once.
    await api(h.app, 'PUT', '/operators/me/status', vera.headers, { status: 'online' });
    await settle();
    const mine = await api(h.app, 'GET', '/operator/queues/mine', vera.headers);
    expect(mine.json().items).toHaveLength(1);
  });

  it('hands the next waiting dialog to whoever frees a slot by closing one', async () => {
    const { channel, group } = await freshLine({ capacity: 1 });
    const solo = await operator(h.app, 'Соло', { groups: [group] });
    const first = await newDialog(h.app, channel);
    const second = await newDialog(h.app, channel);
    await settle();
    expect((await holder(h.app, first.id)).operator_id).toBe(solo.id);
    expect((await holder(h.app, second.id)).handler).toBe('queue');
    const me = (await api(h.app, 'GET', '/operators/me', solo.headers)).json();
    expect(me.counts).toEqual({ mine: 1, team: 1 });
    await api(h.app, 'POST', `/conversations/${first.id}/close`, solo.headers);
    await settle();
    expect((await holder(h.app, second.id)).operator_id).toBe(solo.id);
  });

  it('refuses capacity 0 (and 7) by schema; capacity 1–6 or null are accepted', async () => {
    const target = await operator(h.app, 'Цифра');
    const admin = await h.as('admin');
    for (const capacity of [0, 7, 2.5])
      expect(
        (await api(h.app, 'PUT', `/operators/${target.id}/profile`, admin, { capacity })).statusCode,
      ).toBe(400);
    const ok = await api(h.app, 'PUT', `/operators/${target.id}/profile`, admin, { capacity: 6 });
    expect(ok.json()).toMatchObject({ capacity: 6 });
    // An operator may not change profiles.
    expect(
      (await api(h.app, 'PUT', `/operators/${target.id}/profile`, target.headers, { capacity: 3 }))
        .statusCode,
    ).toBe(403);
  });

  it('lets exactly one of two operators take a waiting dialog; the other is told who took it', async () => {
    const { channel, group } = await freshLine();
    const a = await operator(h.app, 'Первый', { groups: [group] }, 'away');
    const b = await operator(h.app, 'Второй', { groups: [group] }, 'away');
    const dialog = await newDialog(h.app, channel);
    await settle();
    const team = (await api(h.app, 'GET', '/operator/queues/team', a.headers)).json();
    expect(team.items.map((i: { id: string }) => i.id)).toContain(dialog.id);
    const answers = await Promise.all(
      [a, b].map((op) => api(h.app, 'POST', `/conversations/${dialog.id}/take`, op.headers)),
    );
    const statuses = answers.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 409]);
    const lost = answers.find((r) => r.statusCode === 409)!.json();
    const winner = answers.find((r) => r.statusCode === 200)!.json();
    expect(lost.error.code).toBe('dialog_taken');
    expect(lost.error.message).toContain(winner.operatorId === a.id ? 'Первый' : 'Второй');
    expect((await holder(h.app, dialog.id)).operator_id).toBe(winner.operatorId);
  });

  it('transfers to an online colleague with a note, and refuses offline, full or foreign operators and unknown lines', async () => {
    const { channel, group } = await freshLine({ capacity: 1 });
    const other = await freshLine();
    const from = await operator(h.app, 'Отдающий', { groups: [group] });
    const dialog = await newDialog(h.app, channel);
    await settle();
    expect((await holder(h.app, dialog.id)).operator_id).toBe(from.id);
    const offline = await operator(h.app, 'Спящий', { groups: [group] }, 'offline');
    const foreign = await operator(h.app, 'Чужой', { groups: ['elsewhere'] });
    const transfer = (body: object) =>
      api(h.app, 'POST', `/conversations/${dialog.id}/transfer`, from.headers, body);
    expect((await transfer({ operatorId: offline.id })).json().error.code).toBe('operator_offline');
    expect((await transfer({ operatorId: foreign.id })).json().error.code).toBe('operator_not_serving');
    expect((await transfer({ lineKey: 'no-such-line' })).statusCode).toBe(404);
    expect((await transfer({ operatorId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await transfer({ operatorId: 'not-a-uuid' })).statusCode).toBe(400);
    const full = await operator(h.app, 'Занятой', { groups: [group] });
    const busy = await newDialog(h.app, channel);
    await settle();
    expect((await holder(h.app, busy.id)).operator_id).toBe(full.id);
    const refused = await transfer({ operatorId: full.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('operator_full');
    const to = await operator(h.app, 'Принимающий', { groups: [group] }, 'away');
    await api(h.app, 'PUT', '/operators/me/status', to.headers, { status: 'online' });
    await settle();
    const ok = await transfer({ operatorId: to.id, note: 'Клиент спрашивает про возврат' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ operatorId: to.id, handler: 'operator' });
    const [note] = await h.db.query<{ internal: boolean; text: string }>(
      `select internal, text from message where conversation_id = ? and internal`,
      [dialog.id],
    );
    expect(note).toMatchObject({ internal: true, text: 'Клиент спрашивает про возврат' });
    // Someone else's dialog may not be passed on by an operator.
    expect(
      (await api(h.app, 'POST', `/conversations/${dialog.id}/transfer`, from.headers, { lineKey: other.key }))
        .statusCode,
    ).toBe(403);
    const moved = await api(h.app, 'POST', `/conversations/${dialog.id}/transfer`, to.headers, {
      lineKey: other.key,
    });
    expect(moved.json()).toMatchObject({ lineKey: other.key, handler: 'queue', operatorId: null });
  });

  it('returns a dialog to the queue, where it goes to another operator', async () => {
    const { channel, group } = await freshLine();
    const first = await operator(h.app, 'Вернувший', { groups: [group] });
    const dialog = await newDialog(h.app, channel);
    await settle();
    expect((await holder(h.app, dialog.id)).operator_id).toBe(first.id);
    const second = await operator(h.app, 'Следующий', { groups: [group] });
    const back = await api(h.app, 'POST', `/conversations/${dialog.id}/return`, first.headers);
    expect(back.statusCode).toBe(200);
    await settle();
    expect((await holder(h.app, dialog.id)).operator_id).toBe(second.id);
    expect((await api(h.app, 'POST', `/conversations/${dialog.id}/return`, first.headers)).statusCode).toBe(
      403,
    );
  });

  it('lets an operator removed from a line’s group keep their dialog but gives them no new ones', async () => {
    const { channel, group } = await freshLine();
    const leaving = await operator(h.app, 'Уходящий', { groups: [group] });
    const dialog = await newDialog(h.app, channel);
    await settle();
    expect((await holder(h.app, dialog.id)).operator_id).toBe(leaving.id);
    await api(h.app, 'PUT', `/operators/${leaving.id}/profile`, await h.as('supervisor'), { groups: [] });
    const next = await newDialog(h.app, channel);
    await settle();
    expect(await holder(h.app, dialog.id)).toMatchObject({ handler: 'operator', operator_id: leaving.id });
    expect(await holder(h.app, next.id)).toMatchObject({ handler: 'queue', operator_id: null });
  });

  it('sets status by hand; an automatic away never overrides a status chosen by hand', async () => {
    const op = await operator(h.app, 'Статус');
    const set = (body: object) => api(h.app, 'PUT', '/operators/me/status', op.headers, body);
    expect((await set({ status: 'away', auto: true })).json().status).toBe('away');
    expect((await set({ status: 'online', auto: true })).json().status).toBe('online');
    expect((await set({ status: 'offline' })).json().status).toBe('offline');
    expect((await set({ status: 'online', auto: true })).json().status).toBe('offline');
    expect((await set({ status: 'busy' })).statusCode).toBe(400);
    expect((await api(h.app, 'GET', '/operators/me', await h.as('client'))).statusCode).toBe(403);
  });
});
