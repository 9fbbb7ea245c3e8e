// Bot sessions waiting in a `wait` block: 10,000 of them pending at once, their timers made due over a short
// window, and how late each fires (its reply stored after the due time) and that each fires exactly once.
// Part of `npm run bench`; alone:
//   BENCH_ONLY=bot-waits BOTS_WAITS=10000 BOTS_WAIT_WINDOW_SECONDS=10 npm run bench
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { waitingBot } from '@opora/server/testing/bot-bodies';
import { drainBotJobs, publishBot, visitorWrites } from '@opora/server/testing/bot-fixture';
import { publishLine } from '@opora/server/testing/distribution-fixture';
import { createHarness, type Harness } from '@opora/server/testing/test-app';
import type { DatabaseTarget } from '@opora/server/testing/test-database';
import type { Row } from './measure.js';
import { roundTripRow } from './round-trip.js';

const waits = Number(process.env.BOTS_WAITS ?? 10_000);
const windowSeconds = Number(process.env.BOTS_WAIT_WINDOW_SECONDS ?? 10);
/** The first timer is due this long after they are spread (every session is waiting by then). */
const leadSeconds = 3;
const readyText = 'Проверка закончена.';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function botWaitsBench(target: DatabaseTarget): Promise<Row[]> {
  const h = await createHarness(target);
  try {
    // An hour's wait: none fires by itself while the sessions are made; the bench then spreads their due times.
    await publishBot(h.app, 'waiter', waitingBot(3600, false));
    await publishLine(h.app, 'wait-line', 'wait-chan', { bot: 'waiter', botOnly: true });
    const roundTrip = await roundTripRow(h.db, 'bot-waits');
    h.app.jobWorker.start();
    const madeFrom = performance.now();
    const dialog = await visitorWrites(h.app, 'wait-chan', 'waiter-0', 'Проверьте заявку');
    await drainBotJobs(h.app);
    await cloneWaiting(h.db, dialog.id, waits - 1);
    if ((await pendingTimers(h.db)) !== waits) throw new Error('the waiting sessions were not all made');
    const madeSeconds = (performance.now() - madeFrom) / 1000;
    // Due times spread evenly over the window, in a random order of sessions.
    await h.db.query(
      `update job set run_at = now() + (? * interval '1 second')
                                     + (s.k * (? * interval '1 millisecond'))
         from (select id, row_number() over (order by random()) - 1 as k from job
                where name = 'bot.timer' and status = 'pending') s
        where job.id = s.id`,
      [leadSeconds, (windowSeconds * 1000) / waits],
    );
    const deadline = performance.now() + (leadSeconds + windowSeconds + 120) * 1000;
    while ((await firedTimers(h.db)) < waits && performance.now() < deadline) await sleep(250);
    const rows = await h.db.query<{ late_ms: string | number }>(
      `select extract(epoch from (m.created_at - j.run_at)) * 1000 as late_ms
         from job j join message m on m.conversation_id = (j.payload->>'conversationId')::uuid and m.text = ?
        where j.name = 'bot.timer'`,
      [readyText],
    );
    const late = rows.map((r) => Number(r.late_ms)).sort((a, b) => a - b);
    const [counts] = await h.db.query<{
      sessions: string | number;
      once: string | number;
      more: string | number;
    }>(
      `select count(*) as sessions, count(*) filter (where n = 1) as once, count(*) filter (where n > 1) as more
         from (select c.id, count(m.id) as n from conversation c
                 left join message m on m.conversation_id = c.id and m.text = ? group by c.id) per`,
      [readyText],
    );
    const once = Number(counts?.once ?? 0);
    const twice = Number(counts?.more ?? 0);
    const never = Number(counts?.sessions ?? 0) - once - twice;
    const p99 = percentile(late, 0.99);
    return [
      roundTrip,
      {
        benchmark: `bot-waits: ${waits} sessions waiting (one run by the bot, the rest copies of its rows)`,
        figure: `made in ${madeSeconds.toFixed(1)} s`,
        baseline: '—',
        ratio: '—',
      },
      {
        benchmark: `bot-waits: ${waits} timers due over ${windowSeconds} s, lateness p50 / p95 / p99 / max`,
        figure: `${[0.5, 0.95, 0.99].map((p) => percentile(late, p).toFixed(0)).join(' / ')} / ${(late.at(-1) ?? 0).toFixed(0)} ms`,
        baseline: 'goal p99 < 1,000 ms',
        ratio: `${(p99 / 1000).toFixed(2)}× of goal`,
      },
      {
        benchmark: 'bot-waits: fired exactly once',
        figure: `${once} once, ${twice} more than once, ${never} never`,
        baseline: `goal ${waits} once`,
        ratio: once === waits ? 'met' : 'missed',
      },
    ];
  } finally {
    await h.close();
  }
}

/**
 * Copies the waiting dialog `count` times, row for row (contact, conversation, bot session, timer job), each copy
 * with ids of its own: thousands of sessions in the state the bot left the first one in, made in seconds rather
 * than by as many turns.
 */
async function cloneWaiting(db: Harness['db'], conversationId: string, count: number) {
  const copies = JSON.stringify(
    Array.from({ length: count }, (_, i) => ({
      i,
      contact: randomUUID(),
      conversation: randomUUID(),
      session: randomUUID(),
    })),
  );
  const each = `jsonb_to_recordset(?::jsonb) k(i int, contact uuid, conversation uuid, session uuid)`;
  await db.transaction(async (tx) => {
    await db.query(
      `insert into contact select (jsonb_populate_record(null::contact, to_jsonb(t)
          || jsonb_build_object('id', k.contact, 'external_id', t.external_id || '-' || k.i))).*
         from contact t join conversation c on c.contact_id = t.id, ${each} where c.id = ?`,
      [copies, conversationId],
      tx,
    );
    await db.query(
      `insert into conversation select (jsonb_populate_record(null::conversation, to_jsonb(t)
          || jsonb_build_object('id', k.conversation, 'contact_id', k.contact))).*
         from conversation t, ${each} where t.id = ?`,
      [copies, conversationId],
      tx,
    );
    await db.query(
      `insert into bot_session select (jsonb_populate_record(null::bot_session, to_jsonb(t)
          || jsonb_build_object('id', k.session, 'conversation_id', k.conversation))).*
         from bot_session t, ${each} where t.conversation_id = ? and t.status = 'active'`,
      [copies, conversationId],
      tx,
    );
    await db.query(
      `insert into job (name, payload, idempotency_key, run_at, max_attempts)
       select t.name, t.payload || jsonb_build_object('sessionId', k.session, 'conversationId', k.conversation),
              t.idempotency_key || '-' || k.i, t.run_at, t.max_attempts
         from job t, ${each} where t.name = 'bot.timer' and t.status = 'pending'
          and t.payload->>'conversationId' = ?`,
      [copies, conversationId],
      tx,
    );
  });
}

async function pendingTimers(db: Harness['db']) {
  const [row] = await db.query<{ n: string | number }>(
    `select count(*) as n from job where name = 'bot.timer' and status = 'pending'`,
  );
  return Number(row?.n ?? 0);
}

async function firedTimers(db: Harness['db']) {
  const [row] = await db.query<{ n: string | number }>(
    `select count(*) as n from job where name = 'bot.timer' and status = 'done'`,
  );
  return Number(row?.n ?? 0);
}
