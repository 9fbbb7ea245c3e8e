import type { AddressInfo } from 'node:net';
import type { LiveMessage } from '@opora/sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { liveAddress } from '../../adapters/live-hub/live-address.js';
import { publishDefinition } from '../../testing/definitions.js';
import { createSupportDesk, publishPortal, signupClient } from '../../testing/portal-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';
import {
  publishWidgetChannel,
  shopOrigin,
  strangerOrigin,
  tinyPng,
  uploadBody,
  widgetVisitor,
} from '../../testing/widget-fixture.js';
import { maxSocketsPerVisitor } from './widget-live.js';

let ipCounter = 0;
/** Every test writes from an address of its own, so the per-address limits of one never refuse another's. */
const freshIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

describe.each(databaseTargets)('the chat widget’s API on $name', (target) => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness(target, { secretsKey: 'widget-test-secrets-key-0001' });
    await createSupportDesk(h);
    await publishPortal(h);
    await publishWidgetChannel(h);
  });
  afterAll(() => h.close());

  it('starts a session, resumes it with the token and refuses forged, expired or other channels’ tokens', async () => {
    const ip = freshIp();
    const visitor = await widgetVisitor(h, { ip });
    expect(visitor.session.visitorId).toMatch(/^v-/);
    const resumed = await widgetVisitor(h, { ip, token: visitor.session.token });
    expect(resumed.session.visitorId).toBe(visitor.session.visitorId);

    const [body, signature] = visitor.session.token.split('.');
    const forgedBody = Buffer.from(
      JSON.stringify(['v-someone-else', 'site-chat', Date.now() + 1e9]),
    ).toString('base64url');
    for (const token of [`${forgedBody}.${signature}`, `${body}.AAAA${signature!.slice(4)}`, 'garbage', '']) {
      const refused = await h.app.inject({
        method: 'GET',
        url: '/api/v1/widget/site-chat/messages',
        headers: { origin: shopOrigin, authorization: `Bearer ${token}` },
      });
      expect(refused.statusCode).toBe(401);
      expect(refused.json().error.code).toBe('widget_session_invalid');
    }
    // A forged token handed to the session start is not resumed: the visitor gets a new identity.
    const fresh = await widgetVisitor(h, { ip, token: `${forgedBody}.${signature}` });
    expect(fresh.session.visitorId).not.toBe('v-someone-else');

    const { VisitorTokens } = await import('./visitor-token.js');
    const past = new VisitorTokens('widget-test-secrets-key-0001', () => Date.now() - 100 * 86_400_000);
    const expired = past.issue(visitor.session.visitorId, 'site-chat').token;
    const late = await h.app.inject({
      method: 'GET',
      url: '/api/v1/widget/site-chat/messages',
      headers: { authorization: `Bearer ${expired}` },
    });
    expect(late.statusCode).toBe(401);
    const otherChannel = new VisitorTokens('widget-test-secrets-key-0001', () => Date.now()).issue(
      visitor.session.visitorId,
      'other-chat',
    ).token;
    const wrong = await h.app.inject({
      method: 'GET',
      url: '/api/v1/widget/site-chat/messages',
      headers: { authorization: `Bearer ${otherChannel}` },
    });
    expect(wrong.statusCode).toBe(401);
    expect(
      (await h.app.inject({ method: 'POST', url: '/api/v1/widget/no-such/session', payload: {} })).statusCode,
    ).toBe(404);
  });

  it('keeps a visitor’s history, stores a retried message once and HTML as the text it is', async () => {
    const visitor = await widgetVisitor(h, { ip: freshIp() });
    const html = '<img src=x onerror="alert(1)"><b>Здравствуйте</b>';
    const first = await visitor.send('client-msg-0001', html);
    expect(first.statusCode).toBe(201);
    const retry = await visitor.send('client-msg-0001', html);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ duplicate: true, message: { id: first.json().message.id } });
    await visitor.send('client-msg-0002', 'Второе');

    const history = (await visitor.history()).json();
    expect(history.messages.map((m: { text: string }) => m.text)).toEqual([html, 'Второе']);
    const after = (await visitor.history(first.json().message.seq)).json();
    expect(after.messages.map((m: { text: string }) => m.text)).toEqual(['Второе']);
    const [row] = await h.db.query<{ n: string }>(
      'select count(*) as n from message m join conversation c on c.id = m.conversation_id where c.id = ?',
      [first.json().message.conversationId],
    );
    expect(Number(row!.n)).toBe(2);

    const operator = await h.as('operator');
    const conversationId = first.json().message.conversationId;
    const answer = await h.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/messages`,
      headers: operator,
      payload: { text: 'Чем помочь?' },
    });
    expect(answer.statusCode).toBe(201);
    const note = await h.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/messages`,
      headers: operator,
      payload: { text: 'Внутренняя заметка', internal: true },
    });
    expect(note.statusCode).toBe(201);
    const seen = (await visitor.history()).json().messages.map((m: { text: string }) => m.text);
    expect(seen).toEqual([html, 'Второе', 'Чем помочь?']);
    // No send job for the widget: the answer waits for the widget to say it got it.
    const jobs = await h.db.query("select 1 from job where name = 'conversation.send'");
    expect(jobs).toHaveLength(0);

    const read = await visitor.call({
      method: 'POST',
      path: '/read',
      payload: { seq: answer.json().seq, state: 'read' },
    });
    expect(read.json()).toEqual({ updated: 1 });
    const [state] = await h.db.query<{ delivery: string }>('select delivery from message where id = ?', [
      answer.json().id,
    ]);
    expect(state!.delivery).toBe('read');
  });

  it('never shows one visitor another’s conversation or files', async () => {
    const anna = await widgetVisitor(h, { ip: freshIp() });
    const boris = await widgetVisitor(h, { ip: freshIp() });
    await anna.send('anna-msg-00001', 'Тайна Анны');
    const upload = uploadBody('anna-file-0001', { name: 'pic.png', type: 'image/png', bytes: tinyPng });
    const picture = await anna.call({ method: 'POST', path: '/uploads', ...upload });
    expect(picture.statusCode).toBe(201);
    const fileId = picture.json().message.attachments[0].fileId as string;

    expect((await boris.history()).json().messages).toEqual([]);
    // Boris reusing Anna's message id writes his own message, and learns nothing of hers.
    const same = await boris.send('anna-msg-00001', 'Моё');
    expect(same.statusCode).toBe(201);
    expect(same.json().message.text).toBe('Моё');
    expect((await boris.call({ method: 'GET', path: `/files/${fileId}` })).statusCode).toBe(404);
    const own = await anna.call({ method: 'GET', path: `/files/${fileId}` });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('image/png');
    expect(own.rawPayload.equals(tinyPng)).toBe(true);
  });

  it('takes pictures and documents, refuses other types and oversized files, and stores nothing then', async () => {
    const visitor = await widgetVisitor(h, { ip: freshIp() });
    const count = async () =>
      Number((await h.db.query<{ n: string }>('select count(*) as n from message'))[0]!.n);
    const before = await count();
    const html = uploadBody('bad-type-0001', {
      name: 'page.html',
      type: 'text/html',
      bytes: Buffer.from('<script>'),
    });
    const refusedType = await visitor.call({ method: 'POST', path: '/uploads', ...html });
    expect(refusedType.statusCode).toBe(415);
    const big = uploadBody('too-big-0001', {
      name: 'big.png',
      type: 'image/png',
      bytes: Buffer.alloc(20 * 1024 * 1024 + 10),
    });
    const refusedSize = await visitor.call({ method: 'POST', path: '/uploads', ...big });
    expect(refusedSize.statusCode).toBe(413);
    expect(await count()).toBe(before);
    // Bigger than the JSON body limit (1 MB here): files have the attachment cap of their own.
    const photo = uploadBody('a-photo-0001', {
      name: 'фото.jpg',
      type: 'image/jpeg',
      bytes: Buffer.alloc(3 * 1024 * 1024, 7),
    });
    const taken = await visitor.call({ method: 'POST', path: '/uploads', ...photo });
    expect(taken.statusCode).toBe(201);
    expect(taken.json().message.attachments[0].size).toBe(3 * 1024 * 1024);
    const pdf = uploadBody('a-pdf-00001', {
      name: 'счёт.pdf',
      type: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4'),
    });
    const accepted = await visitor.call({ method: 'POST', path: '/uploads', ...pdf });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().message.attachments[0]).toMatchObject({
      name: 'счёт.pdf',
      contentType: 'application/pdf',
    });
  });

  it('lets a visitor press a button a bot offered them, and no other', async () => {
    const visitor = await widgetVisitor(h, { ip: freshIp() });
    const first = (await visitor.send('press-first-01', 'Здравствуйте')).json();
    const offer = await h.app.conversations.answer(
      first.message.conversationId,
      {
        authorKind: 'bot',
        message: {
          text: 'Что случилось?',
          parts: [{ type: 'buttons', buttons: [{ label: 'Где заказ', value: 'where' }] }],
          attachments: [],
        },
      },
      null,
    );
    const press = (who: typeof visitor, value: string, id: string) =>
      who.call({
        method: 'POST',
        path: '/messages',
        payload: { clientMessageId: id, text: '', pressed: { messageId: offer.id, value } },
      });
    const pressed = await press(visitor, 'where', 'press-ok-0001');
    expect(pressed.statusCode).toBe(201);
    expect(pressed.json().message.text).toBe('Где заказ');
    expect((await press(visitor, 'refund', 'press-bad-0001')).statusCode).toBe(400);
    const stranger = await widgetVisitor(h, { ip: freshIp() });
    expect((await press(stranger, 'where', 'press-other-01')).statusCode).toBe(400);
    const history = (await visitor.history()).json().messages;
    expect(history.at(-2).parts).toEqual(offer.parts);
    expect(history.at(-1).text).toBe('Где заказ');
  });

  it('answers CORS only for the channel’s sites and this server’s own pages', async () => {
    const preflight = await h.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/widget/site-chat/messages',
      headers: {
        origin: shopOrigin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(shopOrigin);
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('authorization');
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();

    const stranger = await h.app.inject({
      method: 'POST',
      url: '/api/v1/widget/site-chat/session',
      remoteAddress: freshIp(),
      headers: { origin: strangerOrigin },
      payload: {},
    });
    expect(stranger.statusCode).toBe(403);
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
    const strangerPreflight = await h.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/widget/site-chat/session',
      headers: { origin: strangerOrigin, 'access-control-request-method': 'POST' },
    });
    expect(strangerPreflight.headers['access-control-allow-origin']).toBeUndefined();

    const own = await widgetVisitor(h, { ip: freshIp(), origin: 'http://localhost:80' });
    expect(own.session.token).toBeTruthy();
    // Other API routes get no CORS at all.
    const other = await h.app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: { origin: shopOrigin },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('follows a channel republished with other sites and refuses it once archived, though channels are cached', async () => {
    const { created } = await publishDefinition(h, {
      kind: 'channel',
      key: 'cached-chat',
      name: 'Чат',
      body: {
        schemaVersion: 1,
        title: { ru: 'Чат' },
        settings: { type: 'widget', allowedOrigins: [shopOrigin] },
      },
    });
    const start = (origin: string) =>
      h.app
        .inject({
          method: 'POST',
          url: '/api/v1/widget/cached-chat/session',
          remoteAddress: freshIp(),
          headers: { origin },
          payload: {},
        })
        .then((res) => res.statusCode);
    expect(await start(shopOrigin)).toBe(200);
    expect(await start(strangerOrigin)).toBe(403);
    const admin = await h.as('admin');
    const body = {
      schemaVersion: 1,
      title: { ru: 'Чат' },
      settings: { type: 'widget', allowedOrigins: [strangerOrigin] },
    };
    const saved = await h.app.inject({
      method: 'PUT',
      url: `/api/v1/definitions/${created.id}`,
      headers: admin,
      payload: { name: 'Чат', body, draftVersion: 1 },
    });
    expect(saved.statusCode).toBe(200);
    const republished = await h.app.inject({
      method: 'POST',
      url: `/api/v1/definitions/${created.id}/publish`,
      headers: admin,
      payload: { draftVersion: 2 },
    });
    expect(republished.statusCode).toBe(201);
    expect(await start(strangerOrigin)).toBe(200);
    expect(await start(shopOrigin)).toBe(403);
    const archived = await h.app.inject({
      method: 'POST',
      url: `/api/v1/definitions/${created.id}/archive`,
      headers: admin,
    });
    expect(archived.statusCode).toBe(200);
    // Forgotten when the archive's NOTIFY comes back: within moments, in every server process.
    await vi.waitFor(async () => expect(await start(strangerOrigin)).toBe(404), {
      timeout: 2000,
      interval: 20,
    });
  });

  it('limits messages per visitor, uploads per visitor and new sessions per address, in the caller’s language', async () => {
    const ip = freshIp();
    const visitor = await widgetVisitor(h, { ip });
    for (let i = 0; i < 20; i++)
      expect((await visitor.send(`flood-msg-${i}-000`, `№${i}`)).statusCode).toBe(201);
    const refused = await visitor.call({
      method: 'POST',
      path: '/messages',
      payload: { clientMessageId: 'flood-msg-over', text: 'ещё' },
      headers: { 'accept-language': 'ru' },
    });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toMatch(/Слишком много запросов; повторите через \d+ с/);
    expect(refused.headers['access-control-allow-origin']).toBe(shopOrigin);
    const english = await visitor.call({
      method: 'POST',
      path: '/messages',
      payload: { clientMessageId: 'flood-msg-over', text: 'more' },
      headers: { 'accept-language': 'en' },
    });
    expect(english.json().error.message).toMatch(/Too many requests; retry in \d+ s/);
    const stored = (await visitor.history()).json().messages;
    expect(stored).toHaveLength(20);

    const uploader = await widgetVisitor(h, { ip: freshIp() });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const body = uploadBody(`upload-${i}-00000`, { name: `${i}.png`, type: 'image/png', bytes: tinyPng });
      statuses.push((await uploader.call({ method: 'POST', path: '/uploads', ...body })).statusCode);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);

    const crowd = freshIp();
    const started: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/widget/site-chat/session',
        remoteAddress: crowd,
        headers: { origin: shopOrigin },
        payload: {},
      });
      started.push(res.statusCode);
    }
    expect(started.filter((s) => s === 200)).toHaveLength(30);
    expect(started.at(-1)).toBe(429);
    // Resuming a session is not a new one: a visitor with a token is never locked out by their neighbours.
    expect((await widgetVisitor(h, { ip: crowd, token: visitor.session.token })).session.visitorId).toBe(
      visitor.session.visitorId,
    );
  });

  it('recognises a signed-in portal client on the portal’s own page and puts the chat on their card', async () => {
    const client = await signupClient(h, 'Вера Клиентова', 'vera@example.ru');
    const ip = freshIp();
    const before = await widgetVisitor(h, { ip, origin: 'http://localhost:80' });
    await before.send('before-sign-in1', 'До входа');
    const signedIn = await widgetVisitor(h, {
      ip,
      origin: 'http://localhost:80',
      cookie: client.cookie,
      token: before.session.token,
    });
    expect(signedIn.session.recognised).toBe(true);
    expect(signedIn.session.visitorId).toBe(`user-${client.userId}`);
    const sent = await signedIn.send('after-sign-in1', 'После входа');
    expect(sent.statusCode).toBe(201);
    const operator = await h.as('operator');
    const timeline = await h.app.inject({
      method: 'GET',
      url: `/api/v1/records/client/${client.recordId}/conversations`,
      headers: operator,
    });
    expect(timeline.statusCode).toBe(200);
    expect(JSON.stringify(timeline.json())).toContain('После входа');
    expect(JSON.stringify(timeline.json())).toContain('До входа');

    // Signed out (no cookie), the browser's token no longer opens the client's chat: a new anonymous visitor.
    const afterSignOut = await widgetVisitor(h, {
      ip,
      origin: 'http://localhost:80',
      token: signedIn.session.token,
    });
    expect(afterSignOut.session.visitorId).toMatch(/^v-/);
    expect((await afterSignOut.history()).json().messages).toEqual([]);

    // The same cookie sent from another site's page is not honoured.
    const elsewhere = await widgetVisitor(h, { ip: freshIp(), cookie: client.cookie });
    expect(elsewhere.session.recognised).toBe(false);
  });

  it('serves the script to any site and the chat page framed only by the channel’s sites', async () => {
    const page = await h.app.inject({ method: 'GET', url: '/widget/site-chat' });
    expect(page.statusCode).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain(`frame-ancestors 'self' ${shopOrigin}`);
    expect(csp).not.toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBeUndefined();
    expect(page.body).toContain('data-channel="site-chat"');
    expect((await h.app.inject({ method: 'GET', url: '/widget/no-such' })).statusCode).toBe(404);
    // Every other page still refuses framing.
    const api = await h.app.inject({ method: 'GET', url: '/api/v1/widget-channels/portal' });
    expect(api.json()).toEqual({ key: 'site-chat' });
    expect(String(api.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(api.headers['x-frame-options']).toBe('DENY');
  });

  it('shows the visitor typing to whoever has the conversation open, and stores nothing', async () => {
    const visitor = await widgetVisitor(h, { ip: freshIp() });
    const first = (await visitor.send('typing-first-1', 'Сейчас опишу')).json();
    const heard: string[] = [];
    // A screen's socket as the hub sees it: it only needs to take what is sent and be closable.
    const screen = {
      readyState: 1,
      OPEN: 1,
      send: (text: string) => heard.push(text),
      on: () => screen,
      close: () => undefined,
      ping: () => undefined,
      terminate: () => undefined,
    };
    h.app.liveHub.attach(
      [liveAddress.conversation(first.message.conversationId)],
      screen as unknown as Parameters<typeof h.app.liveHub.attach>[1],
      async () => true,
    );
    const before = await h.db.query('select id from message');
    expect((await visitor.call({ method: 'POST', path: '/typing' })).statusCode).toBe(204);
    // The first message's own push may still be on its way: look for the typing one.
    const typing = () => heard.map((text) => JSON.parse(text)).filter((push) => push.type === 'typing');
    for (let i = 0; i < 100 && !typing().length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(typing()[0]).toEqual({
      type: 'typing',
      conversationId: first.message.conversationId,
      authorKind: 'client',
    });
    expect(await h.db.query('select id from message')).toHaveLength(before.length);
  });

  describe('live', () => {
    let base: string;
    beforeAll(async () => {
      await h.app.listen({ port: 0, host: '127.0.0.1' });
      base = `ws://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    });

    const connect = (token: string, origin?: string) =>
      new Promise<{ ws: WebSocket; heard: LiveMessage[] }>((resolve, reject) => {
        const ws = new WebSocket(`${base}/api/v1/widget/site-chat/live?token=${encodeURIComponent(token)}`, {
          headers: origin ? { origin } : {},
        });
        const heard: LiveMessage[] = [];
        ws.on('message', (data) => heard.push(JSON.parse(String(data)) as LiveMessage));
        ws.once('open', () => resolve({ ws, heard }));
        ws.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
        ws.once('error', reject);
      });

    it('delivers an operator’s answer to the visitor’s socket from the channel’s sites only', async () => {
      const visitor = await widgetVisitor(h, { ip: freshIp() });
      const first = (await visitor.send('live-msg-00001', 'Жду ответа')).json();
      await expect(connect(visitor.session.token, strangerOrigin)).rejects.toThrow('status 403');
      await expect(connect('forged.token', shopOrigin)).rejects.toThrow('status 401');
      const { ws, heard } = await connect(visitor.session.token, shopOrigin);
      const operator = await h.as('operator');
      await h.app.inject({
        method: 'POST',
        url: `/api/v1/conversations/${first.message.conversationId}/messages`,
        headers: operator,
        payload: { text: 'Уже отвечаем' },
      });
      for (let i = 0; i < 100 && !heard.length; i++) await new Promise((r) => setTimeout(r, 50));
      expect(heard[0]).toMatchObject({
        type: 'message',
        message: { text: 'Уже отвечаем', direction: 'out' },
      });
      ws.close();
    });

    it('refuses a visitor more sockets than a few tabs need', async () => {
      const visitor = await widgetVisitor(h, { ip: freshIp() });
      const open = [];
      for (let i = 0; i < maxSocketsPerVisitor; i++)
        open.push(await connect(visitor.session.token, shopOrigin));
      await expect(connect(visitor.session.token, shopOrigin)).rejects.toThrow('status 429');
      for (const { ws } of open) ws.close();
    });
  });
});
