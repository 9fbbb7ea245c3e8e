import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, holder, newDialog, operator, publishLine } from '../../testing/distribution-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';
import { routeUnqueuedDialogs } from './unrouted-sweep.js';

/** The edges of distribution: taking past capacity, dialogs no process routed, clients who come back. */
describe.each(databaseTargets)('distribution at its edges on $name', (target) => {
  let h: Harness;
  let line = 0;
  const freshLine = async (body: Parameters<typeof publishLine>[3] = {}) => {
    const key = `edge-${++line}`;
    const group = `eg-${line}`;
    await publishLine(h.app, key, `echan-${line}`, { groups: [group], ...body });
    return { key, channel: `echan-${line}`, group };
  };
  const settle = () => h.app.distribution.drain();
  const sweepDeps = () => {
    const { db, clock, publishedLines: lines, jobQueue: jobs, liveHub: hub } = h.app;
    return { db, clock, lines, jobs, hub };
  };
  const take = (id: string, headers: Record<string, string>) =>
    api(h.app, 'POST', `/conversations/${id}/take`, headers);
  /** A client with no name writes: the message lands on the fast path when their dialog is open. */
  const write = (channel: string, externalId: string, text: string) =>
    h.app.conversations.takeInbound(
      { type: 'telegram', key: channel },
      {
        from: { externalId },
        externalMessageId: `${externalId}-${Math.random().toString(36).slice(2)}`,
        message: { text, parts: [], attachments: [] },
        files: [],
      },
    );
  /** Makes a dialog look as one opened before lines existed: in no line and no queue, held by nobody. */
  const unroute = (id: string) =>
    h.db.query(
      `update conversation set line_key = null, queued_at = null, handler = 'queue', operator_id = null
        where id = ?`,
      [id],
    );

  beforeAll(async () => {
    h = await createHarness(target);
  });
  afterAll(() => h.close());

  it('refuses a manual take above the operator’s capacity, and allows it once a slot is free', async () => {
    const { channel, group } = await freshLine({ capacity: 1 });
    const op = await operator(h.app, 'Полный', { groups: [group] });
    const first = await newDialog(h.app, channel);
    await settle();
    expect((await holder(h.app, first.id)).operator_id).toBe(op.id);
    await api(h.app, 'PUT', '/operators/me/status', op.headers, { status: 'away' });
    const waiting = await newDialog(h.app, channel);
    await settle();
    const refused = await take(waiting.id, op.headers);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('operator_full');
    expect(refused.json().error.message).toMatch(/1 из 1|1 of 1/);
    expect(await holder(h.app, waiting.id)).toMatchObject({ handler: 'queue', operator_id: null });
    await api(h.app, 'POST', `/conversations/${first.id}/close`, op.headers);
    const taken = await take(waiting.id, op.headers);
    expect(taken.statusCode).toBe(200);
    expect(taken.json()).toMatchObject({ operatorId: op.id, handler: 'operator' });
  });

  it('refuses to take a dialog someone holds (naming them) or a closed one; taking one’s own changes nothing', async () => {
    const { channel, group } = await freshLine();
    const first = await operator(h.app, 'Успевший', { groups: [group] }, 'away');
    const late = await operator(h.app, 'Опоздавший', { groups: [group] }, 'away');
    const dialog = await newDialog(h.app, channel);
    expect((await take(dialog.id, first.headers)).statusCode).toBe(200);
    const refused = await take(dialog.id, late.headers);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'dialog_taken' });
    expect(refused.json().error.message).toContain('Успевший');
    const again = await take(dialog.id, first.headers);
    expect(again.json()).toMatchObject({ operatorId: first.id });
    const [offers] = await h.db.query<{ offer_attempt: number }>(
      'select offer_attempt from conversation where id = ?',
      [dialog.id],
    );
    expect(Number(offers!.offer_attempt)).toBe(1);
    await api(h.app, 'POST', `/conversations/${dialog.id}/close`, first.headers);
    expect((await take(dialog.id, late.headers)).json().error.code).toBe('dialog_closed');
  });

  it('lets an operator with one free slot win only one of two takes made at once', async () => {
    const { channel, group } = await freshLine({ capacity: 2 });
    const op = await operator(h.app, 'Жадный', { groups: [group] }, 'away');
    const mine = await newDialog(h.app, channel);
    expect((await take(mine.id, op.headers)).statusCode).toBe(200);
    const a = await newDialog(h.app, channel);
    const b = await newDialog(h.app, channel);
    const answers = await Promise.all([take(a.id, op.headers), take(b.id, op.headers)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((r) => r.statusCode === 409)!.json().error.code).toBe('operator_full');
    const [load] = await h.db.query<{ n: string | number }>(
      `select count(*) as n from conversation where operator_id = ? and status = 'open'`,
      [op.id],
    );
    expect(Number(load!.n)).toBe(2);
  });

  it('lets an operator removed from a line go on answering, pass on and close the dialog they hold', async () => {
    const { channel, group } = await freshLine();
    const leaving = await operator(h.app, 'Переведённый', { groups: [group] });
    const dialogs = [await newDialog(h.app, channel), await newDialog(h.app, channel)];
    await settle();
    for (const d of dialogs) expect((await holder(h.app, d.id)).operator_id).toBe(leaving.id);
    await api(h.app, 'PUT', `/operators/${leaving.id}/profile`, await h.as('supervisor'), { groups: [] });
    await settle();
    const [first, second] = dialogs as [(typeof dialogs)[0], (typeof dialogs)[0]];
    const answer = await api(h.app, 'POST', `/conversations/${first.id}/messages`, leaving.headers, {
      text: 'Я всё ещё с вами',
    });
    expect(answer.statusCode).toBe(201);
    expect((await holder(h.app, first.id)).operator_id).toBe(leaving.id);
    const colleague = await operator(h.app, 'Коллега', { groups: [group] });
    await settle();
    const passed = await api(h.app, 'POST', `/conversations/${second.id}/transfer`, leaving.headers, {
      operatorId: colleague.id,
    });
    expect(passed.json()).toMatchObject({ operatorId: colleague.id });
    expect((await api(h.app, 'POST', `/conversations/${first.id}/close`, leaving.headers)).statusCode).toBe(
      200,
    );
    // With no dialog and no line, nothing new comes their way.
    await newDialog(h.app, channel);
    await settle();
    const mine = await api(h.app, 'GET', '/operator/queues/mine', leaving.headers);
    expect(mine.json().items).toHaveLength(0);
  });

  it('routes a dialog no process routed when its client writes again (the fast path)', async () => {
    const { key, channel, group } = await freshLine();
    const client = `legacy-${Math.random().toString(36).slice(2)}`;
    const opened = await write(channel, client, 'Первое сообщение');
    await unroute(opened.conversation.id);
    const op = await operator(h.app, 'Подхвативший', { groups: [group] });
    const again = await write(channel, client, 'Ответьте, пожалуйста');
    expect(again.opened).toBe(false);
    expect(again.conversation.id).toBe(opened.conversation.id);
    expect(again.conversation).toMatchObject({ lineKey: key, handler: 'queue' });
    await settle();
    expect(await holder(h.app, opened.conversation.id)).toMatchObject({ operator_id: op.id, line_key: key });
  });

  it('leaves a queued dialog’s place alone when its client writes on', async () => {
    const { channel } = await freshLine();
    const client = `patient-${Math.random().toString(36).slice(2)}`;
    const opened = await write(channel, client, 'Жду ответа');
    const [before] = await h.db.query<{ queued_at: string }>(
      'select queued_at from conversation where id = ?',
      [opened.conversation.id],
    );
    await write(channel, client, 'Всё ещё жду');
    const [after] = await h.db.query<{ queued_at: string; message_count: number }>(
      'select queued_at, message_count from conversation where id = ?',
      [opened.conversation.id],
    );
    expect(new Date(after!.queued_at).getTime()).toBe(new Date(before!.queued_at).getTime());
    expect(Number(after!.message_count)).toBe(2);
  });

  it('routes unrouted dialogs at start-up by their first message, oldest first', async () => {
    const { key, channel, group } = await freshLine({ capacity: 6 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const dialog = await newDialog(h.app, channel, `Вопрос ${i}`);
      await unroute(dialog.id);
      ids.push(dialog.id);
    }
    expect(await routeUnqueuedDialogs(sweepDeps())).toBeGreaterThanOrEqual(3);
    const rows = await h.db.query<{ id: string; line_key: string; queued_at: string | null }>(
      `select id, line_key, queued_at from conversation where id = any(?::uuid[]) order by queued_at, id`,
      [`{${ids.join(',')}}`],
    );
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(rows.every((r) => r.line_key === key && r.queued_at !== null)).toBe(true);
    expect(await routeUnqueuedDialogs(sweepDeps())).toBe(0);
    const op = await operator(h.app, 'Утренний', { groups: [group], capacity: 2 });
    await settle();
    const held = await Promise.all(ids.map((id) => holder(h.app, id)));
    expect(held.map((r) => r.operator_id)).toEqual([op.id, op.id, null]);
  });

  it('sends a client who writes again to the queue when their last operator is offline', async () => {
    const { channel, group } = await freshLine({ reopenToSameOperatorHours: 24 });
    const usual = await operator(h.app, 'Ушедший', { groups: [group] });
    const client = `returning-${Math.random().toString(36).slice(2)}`;
    const first = await write(channel, client, 'Вопрос про доставку');
    await settle();
    expect((await holder(h.app, first.conversation.id)).operator_id).toBe(usual.id);
    await api(h.app, 'POST', `/conversations/${first.conversation.id}/close`, usual.headers);
    await api(h.app, 'PUT', '/operators/me/status', usual.headers, { status: 'offline' });
    const again = await write(channel, client, 'И ещё вопрос');
    expect(again.conversation.id).not.toBe(first.conversation.id);
    await settle();
    expect(await holder(h.app, again.conversation.id)).toMatchObject({ handler: 'queue', operator_id: null });
    const colleague = await operator(h.app, 'Дежурный', { groups: [group] });
    await settle();
    expect((await holder(h.app, again.conversation.id)).operator_id).toBe(colleague.id);
  });
});
