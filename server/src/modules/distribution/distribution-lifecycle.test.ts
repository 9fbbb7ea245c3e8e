import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { api, holder, newDialog, operator, publishLine } from '../../testing/distribution-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

/** Waits for a condition the server reaches on its own (a job run, a socket's grace period). */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Offers that nobody answers, dialogs that come back, operators whose screens close. */
describe.each(databaseTargets)('distribution over time on $name', (target) => {
  let h: Harness;
  let line = 0;
  const freshLine = async (body: Parameters<typeof publishLine>[3] = {}) => {
    const key = `later-${++line}`;
    const group = `lg-${line}`;
    await publishLine(h.app, key, `lchan-${line}`, { groups: [group], ...body });
    return { key, channel: `lchan-${line}`, group };
  };
  const settle = () => h.app.distribution.drain();
  /** Makes the dialog's pending offer timeout due now and waits until the job worker has run it. */
  const expireOffer = async (conversationId: string) => {
    const [job] = await h.db.query<{ id: string }>(
      `update job set run_at = now() where name = 'distribution.offer-timeout' and status = 'pending'
         and payload->>'conversationId' = ? returning id`,
      [conversationId],
    );
    if (!job) throw new Error('no pending offer timeout');
    await until(
      () => h.db.query<{ status: string }>('select status from job where id = ?', [job.id]),
      (rows) => rows[0]?.status === 'done',
      'the offer timeout job',
    );
    await settle();
  };

  beforeAll(async () => {
    h = await createHarness(target);
    h.app.jobWorker.start();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => h.close());

  it('re-offers an unanswered dialog to the next operator, again and again, and stops once answered', async () => {
    const { channel, group } = await freshLine({ offerTimeoutSeconds: 10 });
    const first = await operator(h.app, 'Молчун', { groups: [group] });
    const second = await operator(h.app, 'Тихоня', { groups: [group] });
    const dialog = await newDialog(h.app, channel);
    await settle();
    const holders = [(await holder(h.app, dialog.id)).operator_id];
    for (let i = 0; i < 3; i++) {
      await expireOffer(dialog.id);
      holders.push((await holder(h.app, dialog.id)).operator_id);
    }
    expect(holders).toEqual([first.id, second.id, first.id, second.id]);
    // The holder answers: the next timeout changes nothing.
    const answer = await api(h.app, 'POST', `/conversations/${dialog.id}/messages`, second.headers, {
      text: 'Здравствуйте! Смотрю ваш вопрос',
    });
    expect(answer.statusCode).toBe(201);
    await expireOffer(dialog.id);
    expect((await holder(h.app, dialog.id)).operator_id).toBe(second.id);
    const [offers] = await h.db.query<{ offer_attempt: number }>(
      'select offer_attempt from conversation where id = ?',
      [dialog.id],
    );
    expect(Number(offers!.offer_attempt)).toBe(4);
  });

  it('gives a client who writes again soon after closing back to the same operator', async () => {
    const { channel, group } = await freshLine({ reopenToSameOperatorHours: 24 });
    const usual = await operator(h.app, 'Привычный', { groups: [group] });
    const dialog = await newDialog(h.app, channel);
    await settle();
    expect((await holder(h.app, dialog.id)).operator_id).toBe(usual.id);
    const extra = await newDialog(h.app, channel);
    await settle();
    expect((await holder(h.app, extra.id)).operator_id).toBe(usual.id);
    await api(h.app, 'POST', `/conversations/${dialog.id}/close`, usual.headers);
    // A less busy colleague is online, but the returning client goes to the operator they had.
    await operator(h.app, 'Свободный', { groups: [group] });
    await settle();
    const [contact] = await h.db.query<{ external_id: string }>(
      'select k.external_id from conversation c join contact k on k.id = c.contact_id where c.id = ?',
      [dialog.id],
    );
    const again = await h.app.conversations.takeInbound(
      { type: 'telegram', key: channel },
      {
        from: { externalId: contact!.external_id },
        externalMessageId: `again-${Date.now()}`,
        message: { text: 'И ещё вопрос', parts: [], attachments: [] },
        files: [],
      },
    );
    await settle();
    expect((await holder(h.app, again.conversation.id)).operator_id).toBe(usual.id);
  });

  it('puts an operator offline a grace period after their last live socket closes', async () => {
    const op = await operator(h.app, 'Закрывший');
    h.app.operatorPresence.graceMs = 100;
    const { port } = h.app.server.address() as AddressInfo;
    const open = () =>
      new Promise<WebSocket>((resolve, reject) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}/api/v1/portal/live`, {
          headers: { cookie: op.headers.cookie! },
        });
        socket.once('open', () => resolve(socket));
        socket.once('error', reject);
      });
    const status = async () => (await api(h.app, 'GET', '/operators/me', op.headers)).json().profile.status;
    const sockets = [await open(), await open()];
    await until(
      () =>
        h.db.query<{ n: number }>(
          'select coalesce(sum(sockets), 0) as n from operator_socket where user_id = ?',
          [op.id],
        ),
      (rows) => Number(rows[0]?.n) === 2,
      'both sockets counted',
    );
    sockets[0]!.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await status()).toBe('online');
    sockets[1]!.close();
    await until(status, (s) => s === 'offline', 'the operator to go offline');
  });
});
