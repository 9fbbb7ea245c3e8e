import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign, signatureHeaders } from '../../channels/webhook/webhook-signature.js';
import { publishDefinition } from '../../testing/definitions.js';
import { createSupportDesk, publishPortal } from '../../testing/portal-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

/** A messenger gateway talking to a published webhook channel: signed calls in, signed answers out, receipts. */
describe.each(databaseTargets)('the webhook messenger channel end to end on $name', (target) => {
  let h: Harness;
  let gateway: Server;
  const secret = 'общий секрет шлюза';
  const outbound: { headers: Record<string, unknown>; body: string }[] = [];
  const now = () => Math.floor(Date.now() / 1000);
  const post = (
    body: object | string,
    options: { timestamp?: number; secret?: string; key?: string } = {},
  ) => {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const timestamp = options.timestamp ?? now();
    return h.app.inject({
      method: 'POST',
      url: `/api/v1/channels/${options.key ?? 'vk-gateway'}/webhook`,
      headers: {
        'content-type': 'application/json',
        [signatureHeaders.timestamp]: String(timestamp),
        [signatureHeaders.signature]: sign(options.secret ?? secret, timestamp, raw),
      },
      payload: raw,
    });
  };
  const messagesWith = (text: string) =>
    h.db.query<{ id: string }>('select id from message where text = ?', [text]);

  beforeAll(async () => {
    gateway = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        outbound.push({ headers: request.headers, body });
        response.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const port = (gateway.address() as AddressInfo).port;
    h = await createHarness(target, { secretsKey: 'webhook-channel-test-key-0001' });
    await createSupportDesk(h);
    await publishPortal(h);
    await h.app.secrets.put('vk_secret', secret, undefined, null);
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
    h.app.jobWorker.start();
  });
  afterAll(async () => {
    await h.close();
    await new Promise<void>((resolve) => gateway.close(() => resolve()));
  });

  const message = (id: string, text: string) => ({
    messageId: id,
    from: { id: 'vk-77', name: 'Ирина' },
    text,
  });

  it('takes a signed message once, however often the gateway retries it', async () => {
    const first = await post(message('vk-1', 'Здравствуйте, где заказ?'));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ ok: true, duplicate: false });
    const again = await post(message('vk-1', 'Здравствуйте, где заказ?'));
    expect(again.json()).toMatchObject({ ok: true, duplicate: true, messageId: first.json().messageId });
    expect(await messagesWith('Здравствуйте, где заказ?')).toHaveLength(1);
  });

  it('refuses a bad signature, another secret, an old call, missing headers and unknown channels', async () => {
    const body = message('vk-2', 'подделка');
    expect((await post(body, { secret: 'чужой' })).statusCode).toBe(401);
    const stale = await post(body, { timestamp: now() - 301 });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error.code).toBe('bad_signature');
    const unsigned = await h.app.inject({
      method: 'POST',
      url: '/api/v1/channels/vk-gateway/webhook',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    expect(unsigned.statusCode).toBe(401);
    // The signature covers the exact bytes: the same JSON with other spacing is another body.
    const timestamp = now();
    const tampered = await h.app.inject({
      method: 'POST',
      url: '/api/v1/channels/vk-gateway/webhook',
      headers: {
        'content-type': 'application/json',
        [signatureHeaders.timestamp]: String(timestamp),
        [signatureHeaders.signature]: sign(secret, timestamp, JSON.stringify(body)),
      },
      payload: JSON.stringify(body, null, 1),
    });
    expect(tampered.statusCode).toBe(401);
    expect((await post(body, { key: 'no-such-gateway' })).statusCode).toBe(404);
    expect(await messagesWith('подделка')).toEqual([]);
  });

  it('refuses signed bodies that break the schema or are not JSON', async () => {
    expect((await post({ messageId: 'vk-3', text: 'без отправителя' })).statusCode).toBe(400);
    expect((await post('{"messageId": "vk-4",')).statusCode).toBe(400);
    expect((await post({ ...message('vk-5', 'x'), extra: 1 })).statusCode).toBe(400);
  });

  it('sends the answer signed to the gateway and moves it on with the gateway’s receipts', async () => {
    const [conversation] = await h.db.query<{ id: string }>(
      "select id from conversation where channel_key = 'vk-gateway'",
    );
    const answer = await h.app.conversations.answer(
      conversation!.id,
      { authorKind: 'operator', message: { text: 'Заказ в пути', parts: [], attachments: [] } },
      null,
    );
    const delivery = async () =>
      (await h.db.query<{ delivery: string }>('select delivery from message where id = ?', [answer.id]))[0]
        ?.delivery;
    await expect.poll(delivery, { timeout: 15_000 }).toBe('sent');
    const sent = JSON.parse(outbound.at(-1)!.body);
    expect(sent).toMatchObject({ event: 'message', to: { id: 'vk-77' }, text: 'Заказ в пути' });

    const receipt = (id: string, status: string) => ({
      event: 'receipt',
      messageId: id,
      outboundMessageId: sent.messageId,
      status,
    });
    expect((await post(receipt('r-1', 'read'))).json()).toMatchObject({ ok: true, messageId: answer.id });
    expect(await delivery()).toBe('read');
    // A late "delivered" does not move a read message back.
    await post(receipt('r-2', 'delivered'));
    expect(await delivery()).toBe('read');
    expect((await post(receipt('r-2', 'delivered'))).json()).toMatchObject({ duplicate: true });
    const unknown = await post({ ...receipt('r-3', 'read'), outboundMessageId: 'not-ours' });
    expect(unknown.statusCode).toBe(404);
  });

  it('is documented in the OpenAPI document with both directions, the signature headers and examples', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const operation = doc.paths['/api/v1/channels/{key}/webhook'].post;
    expect(operation.description).toContain('HMAC-SHA256');
    expect(operation.description).toContain('"event": "message"');
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['x-opora-timestamp', 'x-opora-signature']),
    );
    expect(JSON.stringify(operation.requestBody)).toContain('receipt');
    expect(JSON.stringify(operation.requestBody)).toContain('Здравствуйте, заказ не пришёл');
  });
});
