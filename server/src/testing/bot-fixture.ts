import type { InboundMessage } from '@opora/runtime/conversations';
import type { BotBody } from '@opora/runtime/definitions';
import type { Database } from '../db/database.js';
import { api } from './distribution-fixture.js';
import type { Harness } from './test-app.js';

type App = Harness['app'];

const botIds = new WeakMap<App, Map<string, string>>();

/** Publishes a bot (a new version when this fixture published it before) and answers the version published. */
export async function publishBot(app: App, key: string, body: Omit<BotBody, 'schemaVersion'>) {
  const full = { schemaVersion: 2, ...body };
  const ids = botIds.get(app) ?? new Map<string, string>();
  botIds.set(app, ids);
  const id = ids.get(key);
  const draft = id
    ? await app.definitions.update(
        id,
        { draftVersion: (await app.definitions.get(id)).draftVersion, name: key, body: full },
        null,
        'ru',
      )
    : await app.definitions.create({ kind: 'bot', key, name: key, body: full }, null, 'ru');
  ids.set(key, draft.id);
  const published = await app.definitions.publish(draft.id, draft.draftVersion, null, 'ru');
  return published.version;
}

/** Publishes a script whose default export is `source`'s function body. */
export async function publishScript(app: App, key: string, source: string) {
  const body = { schemaVersion: 1, language: 'typescript', source };
  const created = await app.definitions.create({ kind: 'script', key, name: key, body }, null, 'ru');
  await app.definitions.publish(created.id, created.draftVersion, null, 'ru');
}

let sequence = 0;

/** A widget visitor writes: their dialog opens (or goes on). Answers the conversation as the store left it. */
export async function visitorWrites(app: App, channelKey: string, visitor: string, text: string) {
  const inbound: InboundMessage = {
    from: { externalId: visitor },
    externalMessageId: `${visitor}-m-${++sequence}`,
    message: { text, parts: [], attachments: [] },
    files: [],
  };
  return (await app.conversations.takeInbound({ type: 'widget', key: channelKey }, inbound)).conversation;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the bots' due jobs until none is left (the worker must be started). */
export async function drainBotJobs(app: App) {
  for (let round = 0; round < 200; round++) {
    await app.jobWorker.tick();
    await app.jobWorker.idle();
    const [left] = await app.db.query<{ n: string | number }>(
      `select count(*) as n from job where name like 'bot.%' and status in ('pending', 'running') and run_at <= now()`,
    );
    if (Number(left?.n) === 0) return;
    await sleep(10);
  }
  throw new Error('bot jobs did not settle');
}

/** Makes the conversation's pending bot timers due now; answers how many. */
export async function fireTimers(db: Database, conversationId: string) {
  const rows = await db.query(
    `update job set run_at = now() where name = 'bot.timer' and status = 'pending'
       and payload->>'conversationId' = ? returning id`,
    [conversationId],
  );
  return rows.length;
}

/** The conversation's messages to the client (and notes), oldest first. */
export async function outbound(db: Database, conversationId: string) {
  return db.query<{ text: string; author_kind: string; internal: boolean; parts: unknown }>(
    `select text, author_kind, internal, parts from message where conversation_id = ? and direction = 'out'
      order by seq`,
    [conversationId],
  );
}

/** A knowledge-base article an analyst wrote and published (draft → review → published), for bots to find. */
export async function publishArticle(h: Harness, title: string, body: string) {
  const analyst = await h.as('analyst');
  const article = (await api(h.app, 'POST', '/kb/articles', analyst, { title, body })).json();
  let version = article.version;
  for (const state of ['review', 'published'])
    version = (
      await api(h.app, 'POST', `/kb/articles/${article.id}/state`, analyst, { version, state })
    ).json().version;
  return article as { id: string; key: string };
}
