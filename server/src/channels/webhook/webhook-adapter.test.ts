import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OutboundMessage } from '@opora/runtime/conversations';
import { fixedClock } from '@opora/runtime/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpGateway } from '../../adapters/http-gateway/http-gateway.js';
import { GiveUp, RetryLater } from '../../adapters/job-queue/index.js';
import { WebhookAdapter } from './webhook-adapter.js';
import { verify } from './webhook-signature.js';

const now = 1_800_000_000_000;
const answer: OutboundMessage = {
  to: { externalId: 'vk-77' },
  message: {
    text: 'Выберите тему',
    parts: [{ type: 'buttons', buttons: [{ label: 'Оплата', value: 'pay' }] }],
    attachments: [],
  },
  files: [],
  thread: [],
  idempotencyKey: 'send-7',
};

describe('the webhook messenger channel', () => {
  const calls: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  const replies: { status: number; headers?: Record<string, string> }[] = [];
  let server: Server;
  let port = 0;
  const adapter = new WebhookAdapter(new HttpGateway(), fixedClock(now));
  const settings = () => ({
    secret: 'секрет',
    outboundUrl: `http://127.0.0.1:${port}/hook`,
    allowedAddresses: [`127.0.0.1:${port}`],
  });

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        calls.push({ headers: request.headers, body });
        const reply = replies.shift() ?? { status: 200 };
        response.writeHead(reply.status, reply.headers);
        response.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts a signed answer with its buttons that the gateway can verify', async () => {
    expect(await adapter.send(settings(), answer)).toEqual({ externalMessageId: 'send-7' });
    const [call] = calls;
    expect(JSON.parse(call!.body)).toMatchObject({
      messageId: 'send-7',
      to: { id: 'vk-77' },
      buttons: [{ index: 0, label: 'Оплата' }],
    });
    const headers = {
      timestamp: String(call!.headers['x-opora-timestamp']),
      signature: String(call!.headers['x-opora-signature']),
    };
    expect(verify('секрет', headers, call!.body, now / 1000)).toBe('ok');
  });

  it('tells the queue what a failed delivery means', async () => {
    replies.push({ status: 429, headers: { 'retry-after': '5' } });
    await expect(adapter.send(settings(), answer)).rejects.toSatisfy(
      (e) => e instanceof RetryLater && e.delayMs === 5000,
    );
    replies.push({ status: 400 });
    await expect(adapter.send(settings(), answer)).rejects.toBeInstanceOf(GiveUp);
    replies.push({ status: 503 });
    await expect(adapter.send(settings(), answer)).rejects.not.toBeInstanceOf(GiveUp);
  });

  it('will not post to the server’s own network unless an administrator allowed the address', async () => {
    const open = { ...settings(), allowedAddresses: [] };
    await expect(adapter.send(open, answer)).rejects.toBeInstanceOf(GiveUp);
  });

  it('reads an inbound message with its files, and ignores an empty one', async () => {
    const parsed = await adapter.parseInbound(settings(), {
      messageId: 'm-1',
      from: { id: 'vk-77', name: 'Ирина' },
      text: 'Вот скриншот',
      files: [
        { name: 'screen.png', contentType: 'image/png', base64: Buffer.from('png').toString('base64') },
      ],
    });
    expect(parsed.ok && parsed.messages[0]).toMatchObject({
      from: { externalId: 'vk-77', displayName: 'Ирина' },
      externalMessageId: 'm-1',
      files: [{ name: 'screen.png', bytes: new Uint8Array(Buffer.from('png')) }],
    });
    expect(
      await adapter.parseInbound(settings(), { messageId: 'm-2', from: { id: 'vk-77' }, text: '  ' }),
    ).toMatchObject({ messages: [] });
  });
});
