import type { Database } from '@opora/server';
import { describe, expect, it } from 'vitest';
import { adminApiClient } from '../e2e/support/api-client.js';
import { crashTargets } from './fixtures/crash-databases.js';
import {
  adminPassword,
  randomPort,
  type ServerChild,
  startServer,
  untilReady,
} from './fixtures/server-child.js';

const secretsKey = 'process-crash-secrets-key-001';
/**
 * The scale (1,000 instances, 10,000 timers) on PostgreSQL, where several job slots fire timers at once; a
 * fifth of it on PGlite, whose one connection fires them one by one (the full size there takes minutes of the suite
 * and shows nothing more). PROCESS_CRASH_INSTANCES sets both.
 */
const instancesOn = (kind: string) =>
  Number(process.env.PROCESS_CRASH_INSTANCES ?? (kind === 'pglite' ? 200 : 1000));
/** Parallel timer branches per instance: instances × branches timers pending at once. */
const branches = 10;
const callers = 8;
/** Timers are made due this long after the server is back, spread over the window in a random order. */
const leadSeconds = 2;
const windowSeconds = 5;
/** The share of sampled timers fired when the server is killed. */
const killAtShare = 0.25;
/** Instances whose views are read while the timers fire (few: on PGlite every read waits for the one connection). */
const sampled = 5;
const leaseMs = '4000';
const startupMs = 300_000;
const processKey = 'crash_timers';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const timerNode = (k: number) => `wait${k}`;

/** start → split → `branches` timers of an hour each (the test brings them forward) → join → end. */
const timersProcess = {
  schemaVersion: 2,
  title: { ru: 'Таймеры', en: 'Timers' },
  nodes: [
    { id: 'start', type: 'bpmn.startEvent', typeVersion: 1, config: { trigger: 'none' } },
    { id: 'split', type: 'bpmn.parallelGateway', typeVersion: 1, config: {} },
    ...Array.from({ length: branches }, (_, k) => ({
      id: timerNode(k),
      type: 'bpmn.intermediateCatchEvent',
      typeVersion: 1,
      config: { kind: 'timer', durationSeconds: 3600 },
    })),
    { id: 'join', type: 'bpmn.parallelGateway', typeVersion: 1, config: {} },
    { id: 'end', type: 'bpmn.endEvent', typeVersion: 1, config: { result: 'none' } },
  ],
  flows: [
    { id: 'start-split', source: 'start', target: 'split' },
    ...Array.from({ length: branches }, (_, k) => [
      { id: `split-${timerNode(k)}`, source: 'split', target: timerNode(k) },
      { id: `${timerNode(k)}-join`, source: timerNode(k), target: 'join' },
    ]).flat(),
    { id: 'join-end', source: 'join', target: 'end' },
  ],
};

interface HistoryEntry {
  nodeId: string;
  leftAt?: string | number;
}

describe.each(crashTargets)('process timers when the server is killed (%s)', (name, setup) => {
  const instances = instancesOn(name);
  const timers = instances * branches;
  // A timer is a durable `process.timer` job whose step (the instance's state, its history) commits with the job's
  // completion: a kill -9 rolls back the steps in flight, the restarted server takes their jobs again once the
  // killed process's lease runs out, and each timer fires once — none lost, none doubled.
  it(
    `fires each of ${timers} pending timers once and completes every instance after a kill -9`,
    async () => {
      const port = randomPort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const s = await setup();
      const servers: ServerChild[] = [];
      const t0 = Date.now();
      const phases: string[] = [];
      const phase = (what: string) => phases.push(`${what} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const launch = async () => {
        const server = startServer(env, secretsKey);
        servers.push(server);
        await untilReady(baseUrl, server, startupMs);
        return server;
      };
      const env = { ...s.env, JOB_LEASE_MS: leaseMs, PORT: String(port) };
      try {
        // 1. The instances, started through the API: each waits at its ten timers, an hour away.
        const seeding = await launch();
        phase('ready');
        const api = await adminApiClient({ baseUrl, adminPassword });
        const created = await api.createDefinition({
          kind: 'process',
          key: processKey,
          name: 'Таймеры',
          body: timersProcess,
        } as Parameters<typeof api.createDefinition>[0]);
        await api.publishDefinition(created.id, created.draftVersion);
        const ids: string[] = [];
        let next = 0;
        await Promise.all(
          Array.from({ length: callers }, async () => {
            while (next < instances) {
              next++;
              const started = await api.request<{ id: string; status: string; tokens: unknown[] }>(
                'POST',
                `/processes/${processKey}/instances`,
                { body: { variables: { n: ids.length } } },
              );
              expect(started.tokens).toHaveLength(branches);
              ids.push(started.id);
            }
          }),
        );
        phase(`${ids.length} started`);
        seeding.child.kill('SIGTERM');
        await seeding.exited;

        // 2. Their due times brought forward, spread over a few seconds (the server is down: PGlite has one owner).
        let db = await s.open();
        expect(await timerJobs(db)).toEqual([['pending', timers]]);
        await spreadDueTimes(db, timers);
        await db.close();

        // 3. The timers fire; the server is killed once about a quarter of a sample of them has fired.
        const firing = await launch();
        phase('restarted to fire');
        const sample = ids.slice(0, sampled);
        let share = 0;
        const deadline = Date.now() + startupMs;
        while (share < killAtShare && Date.now() < deadline) {
          const views: { history: HistoryEntry[] }[] = [];
          for (const id of sample)
            views.push(await api.request<{ history: HistoryEntry[] }>('GET', `/processes/instances/${id}`));
          share = views.reduce((n, v) => n + firedIn(v.history), 0) / (sampled * branches);
          if (share < killAtShare) await sleep(250);
        }
        firing.child.kill('SIGKILL');
        await firing.exited;
        phase('killed');
        db = await s.open();
        const atKill = await timerJobs(db);
        await db.close();

        // 4. The same database again: every timer fires, every instance completes.
        const finishing = await launch();
        phase('restarted after the kill');
        const finishDeadline = Date.now() + startupMs;
        while (!(await noneRunning(api)) && Date.now() < finishDeadline) await sleep(1000);
        phase('none running');
        finishing.child.kill('SIGTERM');
        await finishing.exited;

        db = await s.open();
        const after = await timerJobs(db);
        const stored = await storedInstances(db);
        await db.close();
        const fired = (kind: string) => Number(atKill.find(([status]) => status === kind)?.[1] ?? 0);
        process.stdout.write(
          `process crash: ${instances} instances, ${timers} timers; at kill -9 ${fired('done')} fired, ` +
            `${fired('running')} running; after the restart jobs ${after.map((j) => j.join(' ')).join(', ')}; ` +
            `${stored.filter((i) => i.status === 'completed').length} instances completed; ${phases.join(', ')}\n`,
        );
        expect(fired('done')).toBeGreaterThan(0);
        expect(fired('done')).toBeLessThan(timers);
        expect(after).toEqual([['done', timers]]);
        expect(stored).toHaveLength(instances);
        const wrong = stored.filter((i) => i.status !== 'completed' || !firedOnce(i.history));
        expect(wrong.slice(0, 3)).toEqual([]);
      } finally {
        for (const server of servers.filter((child) => child.child.exitCode === null)) {
          server.child.kill('SIGKILL');
          await server.exited;
        }
        await s.cleanup();
      }
    },
    4 * startupMs,
  );
});

/** How many of the instance's timers have fired: their history entries that were left. */
const firedIn = (history: HistoryEntry[]) =>
  history.filter((e) => e.nodeId.startsWith('wait') && e.leftAt).length;

/** Each timer node entered once and left once: none lost, none fired twice. */
function firedOnce(history: HistoryEntry[]) {
  return Array.from({ length: branches }, (_, k) => timerNode(k)).every((nodeId) => {
    const entries = history.filter((e) => e.nodeId === nodeId);
    return entries.length === 1 && Boolean(entries[0]?.leftAt);
  });
}

/** Whether no instance of the process runs any more (one short page: cheap while the timers fire). */
async function noneRunning(api: Awaited<ReturnType<typeof adminApiClient>>) {
  const page = await api.request<{ items: unknown[] }>('GET', '/processes/instances', {
    query: { process: processKey, status: 'running', limit: 1 },
  });
  return page.items.length === 0;
}

/** The timers' jobs by status with their counts. */
async function timerJobs(db: Database) {
  const rows = await db.query<{ status: string; n: string | number }>(
    `select status, count(*) as n from job where name = 'process.timer' group by status order by status`,
  );
  return rows.map((row) => [row.status, Number(row.n)] as [string, number]);
}

/** Every pending timer due `leadSeconds` from now plus its place in a random order over the window. */
async function spreadDueTimes(db: Database, timers: number) {
  await db.query(
    `update job set run_at = now() + (? * interval '1 second') + (s.k * (? * interval '1 millisecond'))
       from (select id, row_number() over (order by random()) - 1 as k from job
              where name = 'process.timer' and status = 'pending') s
      where job.id = s.id`,
    [leadSeconds, (windowSeconds * 1000) / timers],
  );
}

async function storedInstances(db: Database) {
  const rows = await db.query<{ status: string; state: string | { history: HistoryEntry[] } }>(
    `select status, state from process_instance where process_key = ?`,
    [processKey],
  );
  return rows.map((row) => {
    const state = typeof row.state === 'string' ? JSON.parse(row.state) : row.state;
    return { status: row.status, history: state.history as HistoryEntry[] };
  });
}
