import { randomUUID } from 'node:crypto';
import { publishDefinition } from '@opora/server/testing/definitions';
import { createSupportDesk, publishPortal } from '@opora/server/testing/portal-fixture';
import type { Harness } from '@opora/server/testing/test-app';
import Fastify from 'fastify';
import { measure, type Row } from './measure.js';

const hookSecret = 'bench-hook-secret';
const chats = 1000;

/** Messages as the conversation store writes them, into a conversation of their own: the bare INSERT baseline. */
async function bareMessageInsert(h: Harness): Promise<(text: string) => Promise<unknown>> {
  const [contact] = await h.db.query<{ id: string }>(
    `insert into contact (id, channel, channel_key, external_id, created_at, updated_at)
     values (?, 'telegram', 'bench-baseline', ?, now(), now()) returning id`,
    [randomUUID(), `baseline-${randomUUID()}`],
  );
  const [conversation] = await h.db.query<{ id: string }>(
    `insert into conversation (id, channel, channel_key, contact_id, status, handler, opened_at, last_message_at)
     values (?, 'telegram', 'bench-baseline', ?, 'open', 'queue', now(), now()) returning id`,
    [randomUUID(), contact!.id],
  );
  return (text) =>
    h.db.query(
      `insert into message (id, conversation_id, direction, author_kind, text, parts, attachments, external_id,
         created_at)
       values (?, ?, 'in', 'client', ?, '[]'::jsonb, '[]'::jsonb, ?, now())`,
      [randomUUID(), conversation!.id, text, `update:${randomUUID()}`],
    );
}

const textUpdate = (updateId: number) => {
  const chat = { id: 5_000_000 + (updateId % chats), type: 'private', first_name: 'Клиент' };
  return {
    update_id: updateId,
    message: { message_id: updateId, date: 1_800_000_000, chat, from: chat, text: `Сообщение ${updateId}` },
  };
};

/**
 * Telegram inbound: `updates` text updates from `chats` chats POSTed to the webhook route (secret checked, update
 * read, contact and conversation found, message stored with its audit row and live push), 8 at a time as
 * Telegram's parallel connections would, against a bare fastify route doing the message INSERT alone.
 */
export async function telegramWebhookBench(h: Harness, updates: number): Promise<Row[]> {
  await h.app.secrets.put('bench_tg_token', '42:bench', undefined, null);
  await h.app.secrets.put('bench_tg_hook', hookSecret, undefined, null);
  await publishDefinition(h, {
    kind: 'channel',
    key: 'bench-bot',
    name: 'Bench bot',
    body: {
      schemaVersion: 1,
      title: { ru: 'Бот' },
      settings: {
        type: 'telegram',
        tokenSecret: 'bench_tg_token',
        webhookSecret: 'bench_tg_hook',
        mode: 'webhook',
      },
    },
  });
  const insert = await bareMessageInsert(h);
  const bare = Fastify({ logger: false });
  bare.post('/bare', async (request) => {
    const update = request.body as ReturnType<typeof textUpdate>;
    await insert(update.message.text);
    return { ok: true };
  });
  await bare.ready();
  let next = 1;
  // Telegram calls from a pool of addresses; the route's per-address limit (1,200 a minute) applies to each.
  const remoteAddress = (id: number) => `149.154.167.${id % 100}`;
  const webhook = async () => {
    const update = textUpdate(next++);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/channels/bench-bot/telegram',
      headers: { 'x-telegram-bot-api-secret-token': hookSecret },
      payload: update,
      remoteAddress: remoteAddress(update.update_id),
    });
    if (res.statusCode !== 200) throw new Error(`webhook failed: ${res.statusCode} ${res.body}`);
  };
  const baseline = async (i: number) => {
    const res = await bare.inject({ method: 'POST', url: '/bare', payload: textUpdate(1_000_000 + i) });
    if (res.statusCode !== 200) throw new Error(`bare route failed: ${res.statusCode}`);
  };
  const concurrency = 8;
  const base = await measure(baseline, updates, { concurrency, warmup: 100 });
  const hook = await measure(webhook, updates, { concurrency, warmup: 100 });
  await bare.close();
  return [
    {
      benchmark: `Telegram webhook, ${updates} updates from ${chats} chats, ${concurrency} at a time: throughput`,
      figure: `${hook.opsPerSec.toFixed(0)} updates/s`,
      baseline: `bare fastify route + INSERT ${base.opsPerSec.toFixed(0)}/s`,
      ratio: `${(hook.opsPerSec / base.opsPerSec).toFixed(2)}×`,
    },
    {
      benchmark: 'Telegram webhook: handling time per update p50 / p95 / p99',
      figure: `${hook.medianMs.toFixed(1)} / ${hook.p95Ms.toFixed(1)} / ${hook.p99Ms.toFixed(1)} ms`,
      baseline: `${base.medianMs.toFixed(1)} / ${base.p95Ms.toFixed(1)} / ${base.p99Ms.toFixed(1)} ms`,
      ratio: `${(hook.p95Ms / base.p95Ms).toFixed(1)}× (p95)`,
    },
  ];
}

const inboundText = 'Здравствуйте, заказ не пришёл';

/** A Telegram text message of chat `chat` (as its adapter hands it over), with a channel id never used before. */
const inboundOf = (chat: number, id: string) => ({
  from: { externalId: `chat-${chat}`, displayName: 'Клиент' },
  externalMessageId: `update:${id}`,
  message: { text: inboundText, parts: [], attachments: [] },
  files: [],
});

/**
 * The conversation message insert path (`takeInbound`: dedupe claim, contact, client recognition, conversation,
 * message, audit, live push, one transaction) against a bare INSERT of the same message row: a chat's first message
 * (recognises the client, opens the conversation) and the messages after it (the common case), at 1 and 8 callers.
 */
export async function inboundInsertBench(h: Harness, runs: number): Promise<Row[]> {
  // A client type and the portal's account mapping, as every installation has: a named sender gets a client card.
  await createSupportDesk(h);
  await publishPortal(h);
  const insert = await bareMessageInsert(h);
  const channel = { type: 'telegram' as const, key: 'bench-inbound' };
  const rows: Row[] = [];
  let chat = 0;
  let next = 0;
  for (const concurrency of [1, 8]) {
    const base = await measure(() => insert(inboundText), runs, { concurrency });
    const firstChat = chat;
    const first = await measure(
      () => h.app.conversations.takeInbound(channel, inboundOf(chat++, randomUUID())),
      runs,
      { concurrency },
    );
    const onward = await measure(
      () => h.app.conversations.takeInbound(channel, inboundOf(firstChat + (next++ % runs), randomUUID())),
      runs,
      { concurrency },
    );
    for (const [label, taken] of [
      ['first message of a chat', first],
      ['message in an open conversation', onward],
    ] as const)
      rows.push({
        benchmark: `conversation message insert (takeInbound), ${label}, ${concurrency} caller(s)`,
        figure: `${taken.opsPerSec.toFixed(0)}/s (p50 ${taken.medianMs.toFixed(2)} ms, p95 ${taken.p95Ms.toFixed(2)} ms)`,
        baseline: `bare INSERT of the message ${base.opsPerSec.toFixed(0)}/s`,
        ratio: `${(taken.opsPerSec / base.opsPerSec).toFixed(2)}× (goal ≥ 0.5×)`,
      });
    next = 0;
  }
  return rows;
}
