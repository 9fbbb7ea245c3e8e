import { performance } from 'node:perf_hooks';
import type { LiveMessage } from '@opora/sdk';
import { publishChannel } from '@opora/server/testing/distribution-fixture';
import type { Harness } from '@opora/server/testing/test-app';
import type { Row } from './measure.js';

type App = Harness['app'];

const lines = 3;
const operatorsCount = 50;
const capacity = 4;

const p = (times: number[], q: number) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
const ms = (v: number) => `${v.toFixed(1)} ms`;

async function publishLines(app: App) {
  for (let i = 1; i <= lines; i++) {
    await publishChannel(app, `bench-chan-${i}`);
    const created = await app.definitions.create(
      {
        kind: 'line',
        key: `bench-line-${i}`,
        name: `Bench line ${i}`,
        body: {
          schemaVersion: 2,
          title: { ru: `Линия ${i}` },
          channels: [],
          order: i,
          rules: [{ id: 'by-channel', channels: [`bench-chan-${i}`] }],
          groups: [],
          skills: [],
          priority: 0,
          capacity,
          offerTimeoutSeconds: 3600,
        },
      },
      null,
      'ru',
    );
    await app.definitions.publish(created.id, created.draftVersion, null, 'ru');
  }
}

/** The baseline: one NOTIFY from a committed transaction to a listener of the same database. */
async function notifyRoundTrip(app: App, runs: number): Promise<number[]> {
  const times: number[] = [];
  let resolve: (() => void) | null = null;
  const unlisten = await app.db.listen('opora_bench_ping', () => resolve?.());
  for (let i = 0; i < runs; i++) {
    const heard = new Promise<void>((r) => {
      resolve = r;
    });
    const t = performance.now();
    await app.db.query("select pg_notify('opora_bench_ping', '')");
    await heard;
    times.push(performance.now() - t);
  }
  await unlisten();
  return times;
}

/**
 * A burst of `dialogs` new dialogs on 3 lines; then 50 simulated operators (capacity 4) come online and each
 * closes a dialog a random short time (1–4 s) after getting it. Operators learn of assignments from the live pushes (the NOTIFY every
 * server process hears); `apps` are the server processes (two on PostgreSQL: dialogs arrive and are closed
 * through both). Checks every dialog is assigned exactly once and, while dialogs wait, that loads differ by at
 * most 1; measures the time from an operator's close of a dialog to their next assignment.
 */
export async function distributionBurst(
  apps: App[],
  closeAs: Record<string, string>[],
  dialogs: number,
): Promise<Row[]> {
  const [app] = apps as [App];
  const { db } = app;
  await publishLines(app);
  const operatorIds: string[] = [];
  for (let i = 0; i < operatorsCount; i++) {
    const user = await app.users.create(
      {
        login: `bench-op-${i}-${Date.now()}`,
        name: `Оператор ${i}`,
        password: 'bench-password-1',
        roles: ['operator'],
      },
      null,
    );
    operatorIds.push(user.id);
  }
  const baseline = await notifyRoundTrip(app, 200);

  const assignedTo = new Map<string, string>();
  let duplicates = 0;
  /** Per operator, when they freed a slot while dialogs waited: their next assignment fills it. */
  const freed = new Map<string, number[]>();
  const latencies: number[] = [];
  const closeTimes: number[] = [];
  const closes: Promise<unknown>[] = [];
  let done: () => void;
  const allAssigned = new Promise<void>((r) => {
    done = r;
  });
  const unlisten = await db.listen('opora_live', (payload) => {
    const { message } = JSON.parse(payload) as { message: LiveMessage };
    if (message.type !== 'conversation') return;
    const c = message.conversation;
    if (c.status !== 'open' || c.handler !== 'operator' || !c.operatorId || !c.lineKey?.startsWith('bench-'))
      return;
    const now = performance.now();
    if (assignedTo.has(c.id)) duplicates += 1;
    assignedTo.set(c.id, c.operatorId);
    const since = freed.get(c.operatorId)?.shift();
    if (since !== undefined) latencies.push(now - since);
    const operator = c.operatorId;
    const i = assignedTo.size;
    // The operator answers for a while, then closes the dialog: their slot frees.
    const close = new Promise((r) => setTimeout(r, 1000 + Math.random() * 3000)).then(() => {
      // Only a slot freed while dialogs still wait can be filled at once (every dialog arrived before the
      // operators came online, so those not yet assigned are waiting). The clock starts as the operator asks to
      // close: the next dialog is given in the close's own commit, so its push may come before the answer.
      if (assignedTo.size < dialogs) freed.set(operator, [...(freed.get(operator) ?? []), performance.now()]);
      const asked = performance.now();
      return apps[i % apps.length]!.inject({
        method: 'POST',
        url: `/api/v1/conversations/${c.id}/close`,
        headers: closeAs[i % apps.length]!,
      }).then(() => closeTimes.push(performance.now() - asked));
    });
    closes.push(close.catch(() => undefined));
    if (assignedTo.size >= dialogs) done();
  });

  let checks = 0;
  let violations = 0;
  let worstSpread = 0;
  let checking = true;
  const checker = (async () => {
    while (checking) {
      // One statement: the loads and the queue at the same instant.
      const [row] = await db.query<{ lo: number; hi: number; waiting: string | number }>(
        `select min(n) as lo, max(n) as hi,
           (select count(*) from conversation where status = 'open' and handler = 'queue'
              and line_key like 'bench-%') as waiting
           from (select p.user_id, (select count(*) from conversation c where c.operator_id = p.user_id
                   and c.status = 'open' and c.handler = 'operator') as n
                   from operator_profile p where p.status = 'online') loads`,
      );
      if (row && Number(row.waiting) > 0) {
        checks += 1;
        const spread = Number(row.hi) - Number(row.lo);
        worstSpread = Math.max(worstSpread, spread);
        if (spread > 1) violations += 1;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();

  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < dialogs) {
        const i = next++;
        await apps[i % apps.length]!.conversations.takeInbound(
          { type: 'telegram', key: `bench-chan-${(i % lines) + 1}` },
          {
            from: { externalId: `bench-client-${i}` },
            externalMessageId: `bench-${i}`,
            message: { text: `Вопрос номер ${i}`, parts: [], attachments: [] },
            files: [],
          },
        );
      }
    }),
  );
  const arrived = performance.now() - started;
  // The burst is in and waits; the operators come online at once and work the queue down.
  const now = new Date();
  await db.query(
    `insert into operator_profile (user_id, status, status_since, updated_at)
     select u, 'online', ?, ? from unnest(?::uuid[]) u`,
    [now, now, `{${operatorIds.join(',')}}`],
  );
  await db.query("select pg_notify('opora_distribute', '')");
  await allAssigned;
  const elapsed = performance.now() - started;
  checking = false;
  await checker;
  await Promise.all(closes);
  await unlisten();

  const [audit] = await db.query<{ dialogs: string | number; offers: string | number }>(
    `select count(distinct target_id) as dialogs, count(*) as offers from audit_log
      where target_type = 'conversation' and after->>'assigned' = 'distributed'`,
  );
  const once = Number(audit?.dialogs) === dialogs && Number(audit?.offers) === dialogs && duplicates === 0;
  const label = apps.length > 1 ? ` (${apps.length} server processes)` : '';
  return [
    {
      benchmark: `burst: ${dialogs} dialogs, ${lines} lines, ${operatorsCount} operators × ${capacity}${label}`,
      figure: `${once ? 'each assigned exactly once' : `NOT once: ${audit?.offers} offers / ${audit?.dialogs} dialogs, ${duplicates} duplicate pushes`}; arrived in ${(arrived / 1000).toFixed(1)} s, all assigned in ${(elapsed / 1000).toFixed(1)} s`,
      baseline: '—',
      ratio: '—',
    },
    {
      benchmark: `loads differ by ≤ 1 while dialogs wait${label}`,
      figure: `${checks - violations} of ${checks} checks (worst spread ${worstSpread})`,
      baseline: '—',
      ratio: '—',
    },
    {
      benchmark: `close → next assignment, p95 (goal < 1 s)${label}`,
      figure: `${ms(p(latencies, 0.95))} (median ${ms(p(latencies, 0.5))}, ${latencies.length} slots; the close itself p95 ${ms(p(closeTimes, 0.95))})`,
      baseline: `NOTIFY round trip p95 ${ms(p(baseline, 0.95))}`,
      ratio: `${(p(latencies, 0.95) / Math.max(p(baseline, 0.95), 0.001)).toFixed(1)}×`,
    },
  ];
}
