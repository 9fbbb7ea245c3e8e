import type { Database } from '@opora/server';
import { orderBot } from '@opora/server/testing/bot-bodies';
import { describe, expect, it } from 'vitest';
import { crashTargets } from './fixtures/crash-databases.js';
import { type Answer, FakeMessenger } from './fixtures/fake-messenger.js';
import {
  adminPassword,
  randomPort,
  type ServerChild,
  startServer,
  until,
  untilReady,
} from './fixtures/server-child.js';
import { publishWebhookBotLine } from './fixtures/webhook-bot-line.js';

const secretsKey = 'bot-crash-secrets-key-0000001';
const channel = 'messenger';
const messengerSecret = 'секрет мессенджера';
// Enough dialogs that the kill finds every stage in flight (turns queued and running, waits pending, replies
// queued and in the call) on two cores.
const dialogs = 200;
const waitSeconds = 3;
const leaseMs = '4000';
/** People whose wait has fired when the server is killed: the rest are mid-turn or mid-wait. */
const killWhenWaitsFired = dialogs / 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const person = (i: number) => `person-${i}`;
const firstText = (i: number) => `Заказ ${i}`;
const secondText = (i: number) => `Ещё вопрос ${i}`;
/** The bot's messages to person `i`: a question, the first message's reply, the wait's reply, the second's reply. */
const botReplies = (i: number) => [
  'Номер заказа?',
  `Проверяю: ${firstText(i)}.`,
  `Готово: ${firstText(i)}. Что-нибудь ещё?`,
  `Записал: ${secondText(i)}.`,
];
/** The person's number a client text ends with. */
const numberIn = (text: string) => Number(text.slice(text.lastIndexOf(' ') + 1));
const waitFired = 'Готово:';
const lastReply = 'Записал:';

interface Dialog {
  inbound: string[];
  outbound: string[];
}

/** What person `i`'s dialog holds when nothing was lost or doubled: their two messages, the bot's four. */
const expectedDialog = (i: number): Dialog => ({
  inbound: [firstText(i), secondText(i)],
  outbound: botReplies(i).map((text) => `bot: ${text}`),
});

describe.each(crashTargets)('a bot’s dialogs when the server is killed (%s)', (_name, setup) => {
  // Each client message's turn, each wait's timer and each reply are durable jobs whose database effects commit
  // with the job: a kill rolls back what was in flight and the restarted server runs it again, once. Only a call
  // to the gateway caught between its answer and the commit repeats, under the same message id (the gateway's
  // dedupe); the dialog itself holds each message once.
  it('answers every client message once and fires every wait once after a kill -9', async () => {
    const port = randomPort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const messenger = new FakeMessenger(
      messengerSecret,
      () => `${baseUrl}/api/v1/channels/${channel}/webhook`,
    );
    const gateway = await messenger.start();
    const s = await setup();
    const servers: ServerChild[] = [];
    try {
      const t0 = Date.now();
      const phases: string[] = [];
      const phase = (what: string) => phases.push(`${what} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const env = { ...s.env, JOB_LEASE_MS: leaseMs, PORT: String(port) };
      const first = startServer(env, secretsKey);
      servers.push(first);
      await untilReady(baseUrl, first);
      phase('ready');
      await publishWebhookBotLine(baseUrl, adminPassword, {
        channel,
        secret: messengerSecret,
        ...gateway,
        bot: { key: 'orders', body: orderBot(waitSeconds) },
      });
      phase('published');
      // Half the people write at once; each wait that fires opens one more dialog, so dialogs keep opening across
      // the kill. A person answers the bot's "anything else?" (the wait's reply) as soon as it reaches them.
      let opened = 0;
      let answeredBack = 0;
      const writes: Promise<void>[] = [];
      let nextToOpen = 0;
      const openNext = () => {
        const i = nextToOpen++;
        if (i < dialogs)
          writes.push(messenger.write(person(i), `first-${i}`, firstText(i)).then(() => void opened++));
      };
      while (nextToOpen < dialogs / 2) openNext();
      messenger.onAnswer = (answer) => {
        if (!answer.text.startsWith(waitFired)) return;
        const i = Number(answer.to.slice(answer.to.lastIndexOf('-') + 1));
        writes.push(messenger.write(answer.to, `second-${i}`, secondText(i)).then(() => void answeredBack++));
        openNext();
      };

      await until(
        () => messenger.peopleAnswered(waitFired) >= killWhenWaitsFired,
        120_000,
        'the first waits to fire',
        first.output,
      );
      first.child.kill('SIGKILL');
      await first.exited;
      phase('killed');
      const atKill = {
        opened,
        answeredBack,
        turns: messenger.peopleAnswered('Проверяю:'),
        waits: messenger.peopleAnswered(waitFired),
        done: messenger.peopleAnswered(lastReply),
        calls: messenger.calls().length,
      };

      const second = startServer(env, secretsKey);
      servers.push(second);
      await untilReady(baseUrl, second);
      phase('restarted');
      await until(
        () => messenger.peopleAnswered(lastReply) >= dialogs,
        180_000,
        'every dialog to finish',
        second.output,
      );
      phase('all answered');
      await Promise.all(writes);
      // Whatever the killed process held comes back when its lease runs out: wait until nothing more arrives.
      let calls = -1;
      while (calls !== messenger.calls().length) {
        calls = messenger.calls().length;
        await sleep(2000);
      }
      second.child.kill('SIGTERM');
      await second.exited;
      phase('stopped');

      const { answers, repeated } = gatewayCalls(messenger.calls());
      const db = await s.open();
      const stored = await storedDialogs(db);
      const jobs = await botJobs(db);
      await db.close();
      const wrong = [...Array(dialogs).keys()].filter(
        (i) => JSON.stringify(stored.byPerson.get(i)) !== JSON.stringify(expectedDialog(i)),
      );
      process.stdout.write(
        `bot crash: ${dialogs} dialogs; at kill -9 ${atKill.opened} opened, ${atKill.turns} first messages ` +
          `answered, ${atKill.waits} waits fired, ${atKill.answeredBack} second messages stored, ` +
          `${atKill.done} of them answered, ${atKill.calls} calls to the gateway; after the restart ` +
          `${stored.client} client and ${stored.bot} bot messages in ${stored.dialogs} dialogs, ` +
          `${wrong.length} wrong; ${messenger.calls().length} gateway calls for ${answers} answers, ` +
          `${repeated} repeated; jobs ${jobs.map((j) => j.join(' ')).join(', ')}; ` +
          `${phases.join(', ')}\n`,
      );
      expect(messenger.failures).toEqual([]);
      expect(stored.dialogs).toBe(dialogs);
      expect(wrong.slice(0, 3).map((i) => ({ i, dialog: stored.byPerson.get(i) }))).toEqual([]);
      expect(answers).toBe(dialogs * botReplies(0).length);
      expect(repeated).toBeLessThanOrEqual(2); // the worker runs two jobs at a time
      expect(jobs).toEqual([
        ['bot.timer', 'done', dialogs],
        ['bot.turn', 'done', dialogs * 2],
        ['conversation.send', 'done', dialogs * botReplies(0).length],
      ]);
    } finally {
      // A failed wait leaves its server running: it must not outlive the test (nor hold the database).
      for (const server of servers.filter((child) => child.child.exitCode === null)) {
        server.child.kill('SIGKILL');
        await server.exited;
      }
      await messenger.stop();
      await s.cleanup();
    }
  }, 300_000);
});

/** How many distinct answers the gateway got, and how many of them came more than once. */
function gatewayCalls(calls: readonly Answer[]) {
  const perAnswer = new Map<string, number>();
  for (const call of calls) perAnswer.set(call.messageId, (perAnswer.get(call.messageId) ?? 0) + 1);
  return { answers: perAnswer.size, repeated: [...perAnswer.values()].filter((n) => n > 1).length };
}

/** Every dialog's messages as stored (notes aside), keyed by the person's number its first message names. */
async function storedDialogs(db: Database) {
  const rows = await db.query<{
    conversation_id: string;
    direction: string;
    author_kind: string;
    text: string;
  }>(
    `select conversation_id, direction, author_kind, text from message where not internal
      order by conversation_id, seq`,
  );
  const byConversation = new Map<string, Dialog>();
  for (const row of rows) {
    const dialog = byConversation.get(row.conversation_id) ?? { inbound: [], outbound: [] };
    byConversation.set(row.conversation_id, dialog);
    if (row.direction === 'in') dialog.inbound.push(row.text);
    else dialog.outbound.push(`${row.author_kind}: ${row.text}`);
  }
  const byPerson = new Map<number, Dialog>();
  for (const dialog of byConversation.values()) byPerson.set(numberIn(dialog.inbound[0] ?? ''), dialog);
  const bot = rows.filter((row) => row.author_kind === 'bot').length;
  return { byPerson, dialogs: byConversation.size, bot, client: rows.length - bot };
}

/** The bots' and the replies' jobs by name and status, with their counts. */
async function botJobs(db: Database) {
  const rows = await db.query<{ name: string; status: string; n: string | number }>(
    `select name, status, count(*) as n from job where name in ('bot.turn', 'bot.timer', 'conversation.send')
      group by name, status order by name, status`,
  );
  return rows.map((row) => [row.name, row.status, Number(row.n)]);
}
