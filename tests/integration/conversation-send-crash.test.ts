import { jobSlotsFor } from '@opora/server/jobs';
import { FakeTelegram } from '@opora/server/testing/fake-telegram';
import { describe, expect, it } from 'vitest';
import { crashTargets } from './fixtures/crash-databases.js';
import { seedTelegramAnswers } from './fixtures/seed-telegram-answers.js';
import { startServer, until } from './fixtures/server-child.js';

const secretsKey = 'crash-test-secrets-key-000001';
// Enough to kill the server mid-flight with sends in every state (queued, in the call, committed) on two cores.
const answers = 100;
const leaseMs = '4000';

describe.each(crashTargets)('answers queued to Telegram when the server is killed (%s)', (name, setup) => {
  // Telegram has no idempotency key: a send whose call reached Telegram but whose commit the kill prevented is sent
  // again after the restart. That window (Telegram's answer → commit) is the only one: at most one repeat per job
  // slot in flight, and this test, killing right as a call arrives, aims at it.
  it('reach every chat after a restart, none lost; only a send caught mid-call may repeat', async () => {
    const fake = new FakeTelegram();
    await fake.start();
    const s = await setup();
    try {
      let db = await s.open();
      await db.migrate();
      const ids = await seedTelegramAnswers(db, {
        secretsKey,
        apiRoot: fake.apiRoot,
        count: answers,
        dataDir: s.env.DATA_DIR,
      });
      await db.close(); // PGlite is single-process: the server gets the files to itself.

      const env = { ...s.env, JOB_LEASE_MS: leaseMs };
      const first = startServer(env, secretsKey);
      await until(() => fake.sent().length >= answers / 2, 120_000, 'half the answers', first.output);
      first.child.kill('SIGKILL');
      await first.exited;
      const beforeKill = fake.sent().length;

      const second = startServer(env, secretsKey);
      const chats = () => new Set(fake.sent().map((call) => call.chatId)).size;
      await until(() => chats() >= answers, 180_000, 'every chat', second.output);
      // The jobs the killed process held come back when their lease runs out: wait until nothing more arrives.
      let calls = -1;
      while (calls !== fake.sent().length) {
        calls = fake.sent().length;
        await new Promise((r) => setTimeout(r, Number(leaseMs) * 2));
      }
      second.child.kill('SIGTERM');
      await second.exited;

      const perChat = new Map<string, number>();
      for (const call of fake.sent()) perChat.set(call.chatId!, (perChat.get(call.chatId!) ?? 0) + 1);
      const repeated = [...perChat.values()].filter((n) => n > 1).length;
      process.stdout.write(
        `send crash: ${beforeKill} sent before kill -9, ${fake.sent().length} calls for ${perChat.size} chats, ${repeated} repeated\n`,
      );
      expect(perChat.size).toBe(answers);
      expect(repeated).toBeLessThanOrEqual(jobSlotsFor(name)); // at most one per job the killed server held

      db = await s.open();
      const states = await db.query<{ delivery: string; n: string | number }>(
        'select delivery, count(*) as n from message where id = any(?::uuid[]) group by delivery',
        [`{${ids.join(',')}}`],
      );
      const jobs = await db.query<{ status: string; n: string | number }>(
        "select status, count(*) as n from job where name = 'conversation.send' group by status",
      );
      await db.close();
      expect(states.map((r) => [r.delivery, Number(r.n)])).toEqual([['sent', answers]]);
      expect(jobs.map((r) => [r.status, Number(r.n)])).toEqual([['done', answers]]);
    } finally {
      await fake.stop();
      await s.cleanup();
    }
  }, 420_000);
});
