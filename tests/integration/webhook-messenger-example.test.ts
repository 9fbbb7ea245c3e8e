import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { publishDefinition } from '@opora/server/testing/definitions';
import { createHarness, type Harness } from '@opora/server/testing/test-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answersEndpoint,
  type GatewayOptions,
  type OporaAnswer,
  sendToOpora,
} from '../../examples/webhook-messenger/gateway.js';

/** The README's example gateway against a real server over HTTP: a message in, an answer out, a receipt back. */
describe('the webhook messenger example gateway', () => {
  let h: Harness;
  let endpoint: Server;
  let options: GatewayOptions;
  const answers: OporaAnswer[] = [];

  beforeAll(async () => {
    h = await createHarness({ name: 'pglite' }, { secretsKey: 'webhook-example-test-key-00001' });
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const oporaPort = (h.app.server.address() as AddressInfo).port;
    options = {
      oporaUrl: `http://127.0.0.1:${oporaPort}`,
      channelKey: 'messenger',
      secret: 'пример секрета',
    };
    endpoint = answersEndpoint(options, async (answer) => {
      answers.push(answer);
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    const gatewayPort = (endpoint.address() as AddressInfo).port;
    await h.app.secrets.put('messenger_secret', options.secret, undefined, null);
    await publishDefinition(h, {
      kind: 'channel',
      key: 'messenger',
      name: 'Мессенджер',
      body: {
        schemaVersion: 1,
        title: { ru: 'Мессенджер' },
        settings: {
          type: 'webhook',
          secret: 'messenger_secret',
          outboundUrl: `http://127.0.0.1:${gatewayPort}/answers`,
          allowedAddresses: [`127.0.0.1:${gatewayPort}`],
        },
      },
    });
    h.app.jobWorker.start();
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => endpoint.close(() => resolve()));
    await h.close();
  });

  it('posts a person’s message, receives the operator’s answer and reports it delivered', async () => {
    const taken = await sendToOpora(options, { messageId: 'demo-1', from: { id: 'p-1' }, text: 'Привет' });
    expect(taken).toMatchObject({ ok: true, duplicate: false });
    expect(
      await sendToOpora(options, { messageId: 'demo-1', from: { id: 'p-1' }, text: 'Привет' }),
    ).toMatchObject({ duplicate: true });
    const [row] = await h.db.query<{ conversation_id: string }>(
      'select conversation_id from message where id = ?',
      [taken.messageId],
    );
    const answer = await h.app.conversations.answer(
      row!.conversation_id,
      { authorKind: 'operator', message: { text: 'Здравствуйте!', parts: [], attachments: [] } },
      null,
    );
    await expect.poll(() => answers.length, { timeout: 15_000 }).toBe(1);
    expect(answers[0]).toMatchObject({ to: { id: 'p-1' }, text: 'Здравствуйте!' });
    const delivery = async () =>
      (await h.db.query<{ delivery: string }>('select delivery from message where id = ?', [answer.id]))[0]
        ?.delivery;
    await expect.poll(delivery, { timeout: 15_000 }).toBe('delivered');
  });
});
