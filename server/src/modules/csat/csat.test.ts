import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InboundMessage } from '@opora/runtime/conversations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign, signatureHeaders } from '../../channels/webhook/webhook-signature.js';
import { publishDefinition } from '../../testing/definitions.js';
import { FakeTelegram } from '../../testing/fake-telegram.js';
import { createSupportDesk, publishPortal } from '../../testing/portal-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';
import { publishWidgetChannel, widgetVisitor } from '../../testing/widget-fixture.js';

let sequence = 0;
const inbound = (externalId: string, text: string): InboundMessage => ({
  from: { externalId, displayName: `Клиент ${externalId}` },
  externalMessageId: `csat-${++sequence}`,
  message: { text, parts: [], attachments: [] },
  files: [],
});

/** Closing a dialog asks the client for a rating in their channel's own way; the answers are kept and counted. */
describe.each(databaseTargets)('CSAT after closing a dialog on $name', (target) => {
  let h: Harness;
  let operator: Record<string, string>;
  let operatorId: string;
  let supervisor: Record<string, string>;
  const fake = new FakeTelegram();
  let gateway: Server;
  const gatewayCalls: string[] = [];
  const api = (method: string, url: string, headers: Record<string, string> = {}, payload?: object) =>
    h.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const close = (id: string) => api('POST', `/conversations/${id}/close`, operator);
  const rating = async (id: string) =>
    (await api('GET', `/conversations/${id}/csat`, operator)).json().rating;
  const texts = async (id: string) =>
    (
      await h.db.query<{ text: string }>('select text from message where conversation_id = ? order by seq', [
        id,
      ])
    ).map((row) => row.text);

  beforeAll(async () => {
    await fake.start();
    gateway = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        gatewayCalls.push(body);
        response.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const port = (gateway.address() as AddressInfo).port;
    h = await createHarness(target, { secretsKey: 'csat-test-secrets-key-0001' });
    await createSupportDesk(h);
    await publishPortal(h);
    await publishWidgetChannel(h);
    await h.app.secrets.put('tg_token', '42:token', undefined, null);
    await h.app.secrets.put('tg_hook', 'hook-secret-123', undefined, null);
    await h.app.secrets.put('vk_secret', 'gateway-secret', undefined, null);
    await publishDefinition(h, {
      kind: 'channel',
      key: 'support-bot',
      name: 'Бот',
      body: {
        schemaVersion: 1,
        title: { ru: 'Бот' },
        settings: {
          type: 'telegram',
          tokenSecret: 'tg_token',
          webhookSecret: 'tg_hook',
          mode: 'webhook',
          apiRoot: fake.apiRoot,
        },
      },
    });
    await publishDefinition(h, {
      kind: 'channel',
      key: 'vk-gateway',
      name: 'VK',
      body: {
        schemaVersion: 1,
        title: { ru: 'ВКонтакте' },
        settings: {
          type: 'webhook',
          secret: 'vk_secret',
          outboundUrl: `http://127.0.0.1:${port}/hook`,
          allowedAddresses: [`127.0.0.1:${port}`],
        },
      },
    });
    operator = await h.as('operator');
    supervisor = await h.as('supervisor');
    operatorId = (await api('GET', '/auth/me', operator)).json().user.id;
    h.app.jobWorker.start();
  });
  afterAll(async () => {
    await h.close();
    await fake.stop();
    await new Promise<void>((resolve) => gateway.close(() => resolve()));
  });

  it('asks a widget visitor with buttons 1–5, takes a press (once), a change and a comment', async () => {
    const visitor = await widgetVisitor(h, { ip: '10.9.0.1' });
    expect((await visitor.send('csat-msg-1', 'Не могу оплатить заказ')).statusCode).toBe(201);
    const [conversation] = await h.db.query<{ id: string }>(
      `select c.id from conversation c join contact k on k.id = c.contact_id where k.external_id = ?`,
      [visitor.session.visitorId],
    );
    const id = conversation!.id;
    expect((await close(id)).statusCode).toBe(200);
    const history = (await visitor.history()).json();
    const question = history.messages.at(-1);
    expect(question.text).toContain('Оцените');
    expect(question.parts).toEqual([
      { type: 'buttons', buttons: [1, 2, 3, 4, 5].map((n) => ({ label: `${n}`, value: `csat:${n}` })) },
    ]);
    expect(await rating(id)).toMatchObject({ score: null, operatorId, channel: 'widget' });

    const press = (clientMessageId: string, value: string) =>
      visitor.call({
        method: 'POST',
        path: '/messages',
        payload: { clientMessageId, text: '', pressed: { messageId: question.id, value } },
      });
    expect((await press('csat-msg-2', 'csat:4')).statusCode).toBe(201);
    expect(await rating(id)).toMatchObject({ score: 4 });
    // The press stays in the closed dialog; no new dialog is opened for it.
    const [status] = await h.db.query<{ status: string; n: string }>(
      `select c.status, (select count(*) from conversation c2 where c2.contact_id = c.contact_id) as n
         from conversation c where c.id = ?`,
      [id],
    );
    expect(status).toMatchObject({ status: 'closed' });
    expect(Number(status!.n)).toBe(1);
    // The same press again (a new message id) changes nothing and thanks nobody twice.
    expect((await press('csat-msg-3', 'csat:4')).statusCode).toBe(201);
    expect((await texts(id)).filter((t) => t.startsWith('Спасибо за оценку'))).toHaveLength(1);
    // A retry of one message id is one press.
    expect((await press('csat-msg-3', 'csat:4')).statusCode).toBe(200);
    // The client changes their mind while the dialog stays closed.
    expect((await press('csat-msg-4', 'csat:5')).statusCode).toBe(201);
    expect(await rating(id)).toMatchObject({ score: 5 });
    expect((await texts(id)).filter((t) => t.startsWith('Спасибо за оценку'))).toHaveLength(2);
    // A value the question did not offer is refused.
    expect((await press('csat-msg-5', 'csat:9')).statusCode).toBe(400);

    const comment = await visitor.call({
      method: 'POST',
      path: '/csat/comment',
      payload: { comment: '  Быстро и вежливо  ' },
    });
    expect(comment.statusCode).toBe(200);
    expect(await rating(id)).toMatchObject({ score: 5, comment: 'Быстро и вежливо' });
    const tooLong = await visitor.call({
      method: 'POST',
      path: '/csat/comment',
      payload: { comment: 'x'.repeat(2001) },
    });
    expect(tooLong.statusCode).toBe(400);
    const audit = await h.db.query(
      `select 1 from audit_log where target_type = 'conversation' and target_id = ? and after::text like '%csat%'`,
      [id],
    );
    expect(audit).toHaveLength(3);

    // Reopened, the rating is final: a press is an ordinary message again and the comment box is refused.
    await api('POST', `/conversations/${id}/reopen`, operator);
    expect((await press('csat-msg-6', 'csat:1')).statusCode).toBe(201);
    expect(await rating(id)).toMatchObject({ score: 5 });
    const late = await visitor.call({ method: 'POST', path: '/csat/comment', payload: { comment: 'ещё' } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('csat_final');
  });

  it('refuses a comment from a visitor who never rated, and a stranger’s token', async () => {
    const visitor = await widgetVisitor(h, { ip: '10.9.0.2' });
    const none = await visitor.call({
      method: 'POST',
      path: '/csat/comment',
      payload: { comment: 'Привет' },
    });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('csat_not_rated');
    const forged = await h.app.inject({
      method: 'POST',
      url: '/api/v1/widget/site-chat/csat/comment',
      headers: { authorization: 'Bearer forged.token' },
      payload: { comment: 'x' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('asks in Telegram with an inline keyboard; a callback rates and is answered with thanks', async () => {
    const chat = { id: 7101, type: 'private', first_name: 'Ирина' };
    const post = (body: object) =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/channels/support-bot/telegram',
        headers: { 'x-telegram-bot-api-secret-token': 'hook-secret-123' },
        payload: body,
      });
    expect(
      (await post({ update_id: 501, message: { message_id: 1, chat, from: chat, text: 'Здравствуйте' } }))
        .statusCode,
    ).toBe(200);
    const [conversation] = await h.db.query<{ id: string }>(
      `select c.id from conversation c join contact k on k.id = c.contact_id where k.external_id = '7101'`,
    );
    await close(conversation!.id);
    await expect.poll(() => fake.sent().filter((call) => call.chatId === '7101').length).toBe(1);
    const asked = fake.sent().find((call) => call.chatId === '7101')!.payload as Record<string, unknown>;
    const keyboard = (asked.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] })
      .inline_keyboard;
    expect(keyboard.flat().map((b) => b.text)).toEqual(['1', '2', '3', '4', '5']);
    const callback = (updateId: number, position: number) => ({
      update_id: updateId,
      callback_query: {
        id: `cb-${updateId}`,
        from: chat,
        data: `#${position}`,
        message: { message_id: 2, chat, text: asked.text, reply_markup: asked.reply_markup },
      },
    });
    expect((await post(callback(502, 2))).statusCode).toBe(200);
    expect(await rating(conversation!.id)).toMatchObject({ score: 3, channel: 'telegram' });
    // The button's spinner is stopped.
    expect(fake.sent('answerCallbackQuery').at(-1)?.payload).toMatchObject({ callback_query_id: 'cb-502' });
    // Telegram delivering the same update twice stores one press.
    expect((await post(callback(502, 2))).statusCode).toBe(200);
    await expect
      .poll(() =>
        fake
          .sent()
          .filter((call) => call.chatId === '7101')
          .map((c) => (c.payload as { text: string }).text),
      )
      .toEqual([asked.text, 'Спасибо за оценку!']);
  });

  it('asks a webhook messenger with buttons and takes the pressed position', async () => {
    const secret = 'gateway-secret';
    const post = (body: object) => {
      const raw = JSON.stringify(body);
      const timestamp = Math.floor(Date.now() / 1000);
      return h.app.inject({
        method: 'POST',
        url: '/api/v1/channels/vk-gateway/webhook',
        headers: {
          'content-type': 'application/json',
          [signatureHeaders.timestamp]: String(timestamp),
          [signatureHeaders.signature]: sign(secret, timestamp, raw),
        },
        payload: raw,
      });
    };
    const from = { id: 'vk-501', name: 'Pavel' };
    expect((await post({ messageId: 'm-1', from, text: 'Hello, my parcel is late' })).statusCode).toBe(200);
    const [conversation] = await h.db.query<{ id: string }>(
      "select c.id from conversation c join contact k on k.id = c.contact_id where k.external_id = 'vk-501'",
    );
    await close(conversation!.id);
    await expect.poll(() => gatewayCalls.length).toBeGreaterThan(0);
    const asked = JSON.parse(gatewayCalls.at(-1)!);
    // The client wrote in English: they are asked in English.
    expect(asked.text).toContain('Please rate');
    expect(asked.buttons.map((b: { label: string }) => b.label)).toEqual(['1', '2', '3', '4', '5']);
    expect((await post({ messageId: 'm-2', from, pressed: 1 })).statusCode).toBe(200);
    expect(await rating(conversation!.id)).toMatchObject({ score: 2, channel: 'webhook' });
    await expect.poll(() => JSON.parse(gatewayCalls.at(-1)!).text).toBe('Thank you for your rating!');
  });

  it('mails a link to a page that rates without signing in, once per dialog, until it expires', async () => {
    const { conversation } = await h.app.conversations.takeInbound(
      { type: 'email', key: 'support-mail' },
      inbound('client@example.ru', 'Не приходит счёт'),
    );
    await close(conversation.id);
    const question = (await texts(conversation.id)).at(-1)!;
    const token = /\/csat\/([A-Za-z0-9_-]{43})/.exec(question)![1]!;
    expect(question).toContain('http://localhost/csat/');
    const page = await api('GET', `/csat/ratings/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ score: null, changeable: true });
    const rate = (body: object) => api('POST', `/csat/ratings/${token}`, {}, body);
    expect((await rate({ score: 2, comment: 'Долго ждал' })).json()).toMatchObject({
      score: 2,
      comment: 'Долго ждал',
    });
    expect((await rate({ score: 4 })).json()).toMatchObject({ score: 4 });
    expect(await rating(conversation.id)).toMatchObject({ score: 4, channel: 'email' });
    for (const bad of [{ score: 0 }, { score: 6 }, { score: 3.5 }, {}, { score: 3, extra: 1 }])
      expect((await rate(bad)).statusCode).toBe(400);
    expect((await api('GET', `/csat/ratings/${'A'.repeat(43)}`)).statusCode).toBe(404);
    expect((await api('GET', '/csat/ratings/short')).statusCode).toBe(400);

    await h.db.query(
      "update csat set token_expires_at = now() - interval '1 minute' where conversation_id = ?",
      [conversation.id],
    );
    const expired = await rate({ score: 5 });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('csat_link_expired');
    expect(await rating(conversation.id)).toMatchObject({ score: 4 });
  });

  it('refuses a link of a reopened dialog and never asks when nobody closed it by hand', async () => {
    const { conversation } = await h.app.conversations.takeInbound(
      { type: 'email', key: 'support-mail' },
      inbound('other@example.ru', 'Вопрос'),
    );
    await close(conversation.id);
    const token = /\/csat\/([A-Za-z0-9_-]{43})/.exec((await texts(conversation.id)).at(-1)!)![1]!;
    await api('POST', `/conversations/${conversation.id}/reopen`, operator);
    const refused = await api('POST', `/csat/ratings/${token}`, {}, { score: 5 });
    expect(refused.statusCode).toBe(409);
    expect((await api('GET', `/csat/ratings/${token}`)).json()).toMatchObject({ changeable: false });

    const { conversation: quiet } = await h.app.conversations.takeInbound(
      { type: 'telegram', key: 'support-bot' },
      inbound('7999', 'Тишина'),
    );
    expect(await rating(quiet.id)).toBeNull();
    // A press from a client who was never asked is an ordinary message, not a rating.
    await h.app.conversations.takeInbound(
      { type: 'telegram', key: 'support-bot' },
      { ...inbound('7999', '5'), pressed: { index: 4, label: '5' } },
    );
    expect(await rating(quiet.id)).toBeNull();
    expect((await api('GET', `/conversations/${quiet.id}/csat`, {})).statusCode).toBe(401);
  });

  it('aggregates ratings by period, line and operator for supervisors and admins only', async () => {
    const all = (await api('GET', '/csat', supervisor)).json();
    // widget 5, telegram 3, webhook 2, e-mail 4.
    expect(all).toMatchObject({
      count: 4,
      average: 3.5,
      distribution: { '1': 0, '2': 1, '3': 1, '4': 1, '5': 1 },
    });
    expect(all.asked).toBe(5);
    expect((await api('GET', `/csat?operator=${operatorId}`, supervisor)).json().count).toBe(4);
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect((await api('GET', `/csat?operator=${nobody}`, supervisor)).json()).toMatchObject({
      count: 0,
      average: null,
    });
    await h.db.query("update csat set line_key = 'accounting' where channel = 'telegram'");
    expect((await api('GET', '/csat?line=accounting', supervisor)).json()).toMatchObject({
      count: 1,
      average: 3,
    });
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect((await api('GET', `/csat?from=${future}`, supervisor)).json().count).toBe(0);
    const past = new Date(Date.now() - 86_400_000).toISOString();
    expect((await api('GET', `/csat?from=${past}&to=${future}`, supervisor)).json().count).toBe(4);
    expect((await api('GET', `/csat?from=${future}&to=${past}`, supervisor)).statusCode).toBe(400);
    expect((await api('GET', '/csat?from=yesterday', supervisor)).statusCode).toBe(400);
    expect((await api('GET', '/csat', await h.as('admin'))).statusCode).toBe(200);
    expect((await api('GET', '/csat', operator)).statusCode).toBe(403);
    expect((await api('GET', '/csat')).statusCode).toBe(401);
  });
});
