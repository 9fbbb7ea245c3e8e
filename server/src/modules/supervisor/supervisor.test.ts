import type { AddressInfo } from 'node:net';
import type { LiveMessage, SlaBreachPage, SupervisorAssignment, SupervisorBoard } from '@opora/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { api, holder, newDialog, operator, publishLine } from '../../testing/distribution-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

/** A staff socket on `/portal/live` that collects what it hears. */
async function listen(base: string, cookie: string) {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/api/v1/portal/live`, { headers: { cookie } });
  const heard: LiveMessage[] = [];
  ws.on('message', (data) => heard.push(JSON.parse(String(data)) as LiveMessage));
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const until = async (test: (m: LiveMessage[]) => boolean) => {
    for (let i = 0; i < 100 && !test(heard); i++) await new Promise((r) => setTimeout(r, 50));
    return heard;
  };
  return { ws, heard, until };
}

/** The supervisor's board, breaches and assigning dialogs, through the API on a real database. */
describe.each(databaseTargets)('supervisor board on $name', (target) => {
  let h: Harness;
  let n = 0;
  /** Two fresh lines per test: «a» with SLA targets, «b» served by another group. */
  const freshLines = async () => {
    const id = ++n;
    const a = { key: `sv-a-${id}`, channel: `sv-chan-a-${id}`, group: `sv-ga-${id}` };
    const b = { key: `sv-b-${id}`, channel: `sv-chan-b-${id}`, group: `sv-gb-${id}` };
    await publishLine(h.app, a.key, a.channel, {
      groups: [a.group],
      capacity: 2,
      offerTimeoutSeconds: 3600,
      sla: { firstResponseSeconds: 60, resolutionSeconds: 600 },
    });
    await publishLine(h.app, b.key, b.channel, { groups: [b.group], offerTimeoutSeconds: 3600 });
    return { a, b };
  };
  const settle = () => h.app.distribution.drain();
  const backdate = (id: string, column: 'queued_at' | 'opened_at', seconds: number) =>
    h.db.query(`update conversation set ${column} = ${column} - ? * interval '1 second' where id = ?`, [
      seconds,
      id,
    ]);
  const board = async () => {
    const reply = await api(h.app, 'GET', '/supervisor/board', await h.as('supervisor'));
    expect(reply.statusCode).toBe(200);
    return reply.json<SupervisorBoard>();
  };
  const assign = async (id: string, operatorId: string, role: 'supervisor' | 'operator' = 'supervisor') =>
    api(h.app, 'POST', `/supervisor/dialogs/${id}/assign`, await h.as(role), { operatorId });

  beforeAll(async () => {
    h = await createHarness(target);
  });
  afterAll(() => h.close());

  it('counts queues, waits, loads, SLA breaches and today’s ratings per line and operator', async () => {
    const { a, b } = await freshLines();
    const anna = await operator(h.app, 'Анна', { groups: [a.group] });
    const boris = await operator(h.app, 'Борис', { groups: [a.group] }, 'offline');
    const vera = await operator(h.app, 'Вера', { groups: [b.group] }, 'away');
    const dialogs = [];
    for (let i = 0; i < 3; i++) {
      dialogs.push(await newDialog(h.app, a.channel));
      await settle();
    }
    const held = [];
    for (const d of dialogs) held.push({ id: d.id, ...(await holder(h.app, d.id)) });
    const annas = held.filter((d) => d.operator_id === anna.id);
    const waiting = held.find((d) => d.handler === 'queue')!;
    expect(annas).toHaveLength(2);
    const [answered, silent] = annas as [(typeof annas)[0], (typeof annas)[0]];
    const reply = await api(h.app, 'POST', `/conversations/${answered.id}/messages`, anna.headers, {
      text: 'Добрый день',
    });
    expect(reply.statusCode).toBe(201);
    // answered: resolution overdue (opened 20 min ago, target 10); silent: no answer 2 min after queueing
    // (target 1 min); waiting: 30 s in the queue, nothing missed yet.
    await backdate(answered.id, 'opened_at', 1200);
    await backdate(silent.id, 'opened_at', 120);
    await backdate(silent.id, 'queued_at', 120);
    await backdate(waiting.id, 'opened_at', 30);
    await backdate(waiting.id, 'queued_at', 30);
    const start = new Date((await board()).dayStart);
    const rate = (id: string, score: number, at: Date, who: string | null = anna.id) =>
      h.db.query(
        `insert into csat (conversation_id, channel, line_key, operator_id, asked_at, score, rated_at)
         values (?, 'telegram', ?, ?, ?, ?, ?)`,
        [id, a.key, who, at, score, at],
      );
    await rate(answered.id, 5, new Date());
    await rate(silent.id, 4, new Date());
    await rate(waiting.id, 1, new Date(start.getTime() - 3_600_000)); // yesterday: not today's

    const seen = await board();
    const line = seen.lines.find((l) => l.key === a.key)!;
    expect(line).toMatchObject({
      title: { ru: `Линия ${a.key}` },
      sla: { firstResponseSeconds: 60, resolutionSeconds: 600 },
      waiting: 1,
      inProgress: 2,
      breaches: 2,
      csat: { average: 4.5, count: 2 },
    });
    expect(line.longestWaitSeconds).toBeGreaterThanOrEqual(30);
    expect(line.longestWaitSeconds).toBeLessThan(90);
    expect(line.operators).toEqual([{ id: anna.id, name: 'Анна', status: 'online', load: 2, capacity: 2 }]);
    expect(line.operators.map((o) => o.id)).not.toContain(boris.id);
    expect(line.dialogs.map((d) => [d.id, d.handler, d.breach])).toEqual([
      [waiting.id, 'queue', null],
      [silent.id, 'operator', 'first_response'], // in progress: longest in the queue first
      [answered.id, 'operator', 'resolution'],
    ]);
    expect(line.dialogs[2]).toMatchObject({ operatorName: 'Анна', firstResponseDue: null });
    expect(line.dialogs[2]!.firstResponseAt).not.toBeNull();
    expect(line.dialogs[0]!.clientName).toMatch(/^Клиент/);
    const other = seen.lines.find((l) => l.key === b.key)!;
    expect(other).toMatchObject({ waiting: 0, inProgress: 0, breaches: 0, dialogs: [] });
    expect(other.operators).toEqual([{ id: vera.id, name: 'Вера', status: 'away', load: 0, capacity: 2 }]);
    expect(seen.operatorsCsat.find((o) => o.id === anna.id)).toEqual({
      id: anna.id,
      name: 'Анна',
      average: 4.5,
      count: 2,
    });

    const breaches = await api(h.app, 'GET', '/supervisor/breaches?limit=50', await h.as('admin'));
    const mine = breaches
      .json<SlaBreachPage>()
      .items.filter((item) => item.lineKey === a.key)
      .map((item) => [item.conversationId, item.kind, item.operatorName]);
    expect(mine).toEqual([
      [silent.id, 'first_response', 'Анна'],
      [answered.id, 'resolution', 'Анна'],
    ]);
    const first = await api(h.app, 'GET', '/supervisor/breaches?limit=1', await h.as('admin'));
    expect(first.json<SlaBreachPage>()).toMatchObject({ hasMore: true, limit: 1 });
    expect(first.json<SlaBreachPage>().items).toHaveLength(1);
  });

  it('lists a dialog closed today without a timely answer, not one closed on an earlier day', async () => {
    const { a } = await freshLines();
    const anna = await operator(h.app, 'Анна', { groups: [a.group], capacity: 4 });
    const late = await newDialog(h.app, a.channel);
    const old = await newDialog(h.app, a.channel);
    await settle();
    await backdate(late.id, 'opened_at', 300);
    await backdate(late.id, 'queued_at', 300);
    for (const id of [late.id, old.id])
      expect((await api(h.app, 'POST', `/conversations/${id}/close`, anna.headers)).statusCode).toBe(200);
    await h.db.query(
      `update conversation set opened_at = opened_at - interval '3 days', closed_at = closed_at - interval '3 days'
        where id = ?`,
      [old.id],
    );
    const page = await api(h.app, 'GET', '/supervisor/breaches?limit=100', await h.as('supervisor'));
    const mine = page.json<SlaBreachPage>().items.filter((item) => item.lineKey === a.key);
    expect(mine).toMatchObject([{ conversationId: late.id, kind: 'first_response', status: 'closed' }]);
    const line = (await board()).lines.find((l) => l.key === a.key)!;
    expect(line).toMatchObject({ waiting: 0, inProgress: 0, breaches: 0, dialogs: [] });
  });

  it('lets supervisors and admins only read the board', async () => {
    expect((await api(h.app, 'GET', '/supervisor/board', await h.as('admin'))).statusCode).toBe(200);
    for (const role of ['operator', 'client', 'analyst'] as const) {
      expect((await api(h.app, 'GET', '/supervisor/board', await h.as(role))).statusCode).toBe(403);
      expect((await api(h.app, 'GET', '/supervisor/breaches', await h.as(role))).statusCode).toBe(403);
    }
    expect((await api(h.app, 'GET', '/supervisor/board', {})).statusCode).toBe(401);
  });

  it('gives a dialog to an online operator of its line, past capacity if need be, and refuses the rest', async () => {
    const { a, b } = await freshLines();
    const anna = await operator(h.app, 'Анна', { groups: [a.group], capacity: 1 });
    const boris = await operator(h.app, 'Борис', { groups: [a.group] }, 'offline');
    const vera = await operator(h.app, 'Вера', { groups: [b.group] });
    const first = await newDialog(h.app, a.channel);
    await settle();
    const second = await newDialog(h.app, a.channel);
    await settle();
    expect(await holder(h.app, first.id)).toMatchObject({ operator_id: anna.id });
    expect(await holder(h.app, second.id)).toMatchObject({ handler: 'queue' });

    const offline = await assign(second.id, boris.id);
    expect(offline.statusCode).toBe(409);
    expect(offline.json().error.code).toBe('operator_offline');
    const elsewhere = await assign(second.id, vera.id);
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().error.code).toBe('operator_not_serving');
    expect((await assign(second.id, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await assign('00000000-0000-4000-8000-000000000000', anna.id)).statusCode).toBe(404);
    expect((await assign(second.id, anna.id, 'operator')).statusCode).toBe(403);
    expect((await assign(second.id, 'not-a-uuid')).statusCode).toBe(400);
    expect(await holder(h.app, second.id)).toMatchObject({ handler: 'queue', operator_id: null });

    // Anna is full (1 of 1): a supervisor may still give her the dialog, and is told she is past capacity.
    const over = await assign(second.id, anna.id);
    expect(over.statusCode).toBe(200);
    expect(over.json<SupervisorAssignment>()).toMatchObject({
      conversation: { id: second.id, handler: 'operator', operatorId: anna.id },
      overCapacity: true,
      load: 2,
      capacity: 1,
    });
    // An operator's own transfer still respects capacity.
    const gleb = await operator(h.app, 'Глеб', { groups: [a.group], capacity: 1 });
    const third = await newDialog(h.app, a.channel);
    await settle();
    expect(await holder(h.app, third.id)).toMatchObject({ operator_id: gleb.id });
    const byOperator = await api(h.app, 'POST', `/conversations/${second.id}/transfer`, anna.headers, {
      operatorId: gleb.id,
    });
    expect(byOperator.json().error.code).toBe('operator_full');

    // Moving a dialog between two operators: both hear of it, the audit says who did it.
    const moved = await assign(first.id, gleb.id);
    expect(moved.json<SupervisorAssignment>()).toMatchObject({ overCapacity: true, load: 2, capacity: 1 });
    expect(await holder(h.app, first.id)).toMatchObject({ operator_id: gleb.id });
    const [audit] = await h.db.query<{ actor_id: string }>(
      `select actor_id from audit_log where target_id = ? order by id desc limit 1`,
      [first.id],
    );
    const supervisor = (await h.app.users.list('supervisor-user', 1, 0)).items[0]!;
    expect(audit?.actor_id).toBe(supervisor.id);
    // Giving it to whoever already leads it changes nothing.
    const again = await assign(first.id, gleb.id);
    expect(again.json<SupervisorAssignment>().conversation.operatorId).toBe(gleb.id);
    const closed = await newDialog(h.app, b.channel);
    await h.db.query(`update conversation set status = 'closed', closed_at = now() where id = ?`, [
      closed.id,
    ]);
    expect((await assign(closed.id, vera.id)).json().error.code).toBe('dialog_closed');
  });

  it('lets a supervisor join a dialog someone else leads, with a note or openly', async () => {
    const { a } = await freshLines();
    await operator(h.app, 'Анна', { groups: [a.group] });
    const dialog = await newDialog(h.app, a.channel);
    await settle();
    const headers = await h.as('supervisor');
    const note = await api(h.app, 'POST', `/conversations/${dialog.id}/messages`, headers, {
      text: 'Подключился, смотрю',
      internal: true,
    });
    expect(note.statusCode).toBe(201);
    expect(note.json()).toMatchObject({ internal: true, authorKind: 'operator' });
    const open = await api(h.app, 'POST', `/conversations/${dialog.id}/messages`, headers, {
      text: 'Здравствуйте, я руководитель смены',
    });
    expect(open.statusCode).toBe(201);
    expect(open.json()).toMatchObject({ internal: false });
  });

  it('tells supervisors’ sockets, not operators’, when an operator’s status changes; dialogs reach both', async () => {
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    const { a } = await freshLines();
    const watcher = await listen(base, (await h.as('supervisor')).cookie!);
    const anna = await operator(h.app, 'Анна', { groups: [a.group] }, 'offline');
    const colleague = await listen(base, anna.headers.cookie!);
    await api(h.app, 'PUT', '/operators/me/status', anna.headers, { status: 'online' });
    await watcher.until((m) => m.some((x) => x.type === 'board'));
    expect(watcher.heard.some((x) => x.type === 'board')).toBe(true);
    const dialog = await newDialog(h.app, a.channel);
    await settle();
    await watcher.until((m) => m.some((x) => x.type === 'conversation' && x.conversation.id === dialog.id));
    await colleague.until((m) => m.some((x) => x.type === 'conversation' && x.conversation.id === dialog.id));
    expect(watcher.heard.some((x) => x.type === 'conversation' && x.conversation.id === dialog.id)).toBe(
      true,
    );
    expect(colleague.heard.some((x) => x.type === 'board')).toBe(false);
    watcher.ws.close();
    colleague.ws.close();
  });
});
