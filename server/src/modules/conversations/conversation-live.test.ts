import type { AddressInfo } from 'node:net';
import type { InboundMessage } from '@opora/runtime/conversations';
import type { LiveMessage } from '@opora/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createSupportDesk, publishPortal } from '../../testing/portal-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

const telegram = { type: 'telegram' as const, key: 'support-bot' };
let sequence = 0;
const inbound = (externalId: string, text: string): InboundMessage => ({
  from: { externalId, displayName: 'Анна' },
  externalMessageId: `live-${++sequence}`,
  message: { text, parts: [], attachments: [] },
  files: [],
});

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

describe.each(databaseTargets)('conversations live on $name', (target) => {
  let h: Harness;
  let base: string;
  let operator: Record<string, string>;

  beforeAll(async () => {
    h = await createHarness(target);
    await createSupportDesk(h);
    await publishPortal(h);
    operator = await h.as('operator');
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => h.close());

  it('pushes a client’s message, an answer and an internal note to the contact centre’s screens', async () => {
    const socket = await listen(base, operator.cookie!);
    const taken = await h.app.conversations.takeInbound(telegram, inbound('7001', 'Не приходит код'));
    const note = {
      authorKind: 'operator' as const,
      internal: true,
      message: { text: 'Проверить SMS-шлюз', parts: [], attachments: [] },
    };
    await h.app.conversations.answer(taken.conversation.id, note, null);
    const heard = await socket.until((m) => m.length >= 2);
    expect(heard).toMatchObject([
      { type: 'message', message: { conversationId: taken.conversation.id, text: 'Не приходит код' } },
      { type: 'message', message: { internal: true, text: 'Проверить SMS-шлюз' } },
    ]);
    socket.ws.close();
  });

  it('pushes a message too long for one NOTIFY without its text, and the save still commits', async () => {
    const socket = await listen(base, operator.cookie!);
    const long = 'Ж'.repeat(19_000);
    const taken = await h.app.conversations.takeInbound(telegram, inbound('7002', long));
    const [pushed] = await socket.until((m) => m.length >= 1);
    expect(pushed).toMatchObject({
      type: 'message',
      partial: true,
      message: { id: taken.message.id, text: '' },
    });
    const read = await h.app.inject({
      url: `/api/v1/conversations/${taken.conversation.id}/messages`,
      headers: operator,
    });
    expect(read.json().messages[0].text).toBe(long);
    socket.ws.close();
  });

  it('tells a portal client nothing about other people’s conversations', async () => {
    const socket = await listen(base, (await h.as('client')).cookie!);
    await h.app.conversations.takeInbound(telegram, inbound('7003', 'Чужое сообщение'));
    await new Promise((r) => setTimeout(r, 300));
    expect(socket.heard).toEqual([]);
    socket.ws.close();
  });
});
