// Processes: approval steps through the API, timer lateness with 100,000 pending timers, the task inbox over
// 100,000 open tasks. Part of `npm run bench`; alone (PostgreSQL):
//   BENCH_ONLY=processes BENCH_DATABASES=postgresql DATABASE_URL=postgres://… npm run bench
// PROCESS_STEPS (approval steps per run), PROCESS_TIMERS (pending), PROCESS_TIMER_SAMPLE (due during the
// measurement) and PROCESS_TASKS (open tasks) scale it down; PROCESS_PARTS=timers (or approvals, inbox) runs one.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { chain, end, node, processBody, start } from '@opora/runtime/test-fixtures/process-kit';
import { api } from '@opora/server/testing/distribution-fixture';
import { publishProcess } from '@opora/server/testing/process-fixture';
import { createHarness, type Harness } from '@opora/server/testing/test-app';
import type { DatabaseTarget } from '@opora/server/testing/test-database';
import { measure, type Row } from './measure.js';
import { roundTripRow } from './round-trip.js';

const steps = Number(process.env.PROCESS_STEPS ?? 2000);
const pendingTimers = Number(process.env.PROCESS_TIMERS ?? 100_000);
const timerSample = Number(process.env.PROCESS_TIMER_SAMPLE ?? 1000);
const timerWindowSeconds = Number(process.env.PROCESS_TIMER_WINDOW_SECONDS ?? 10);
const openTasks = Number(process.env.PROCESS_TASKS ?? 100_000);
/** Approval nodes in a row: each decision opens the next one's task. */
const chainLength = 10;
/** Instances whose open tasks one inbox read of the bench's approvers brings. */
const pageOfInstances = 10;
const approverRole = 'supervisor';
const leadSeconds = 3;
/** PROCESS_PARTS=approvals,inbox,timers (all by default) measures some of them. */
const parts = new Set((process.env.PROCESS_PARTS ?? 'approvals,inbox,timers').split(','));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

export async function processesBench(target: DatabaseTarget): Promise<Row[]> {
  const h = await createHarness(target);
  try {
    h.app.jobWorker.start();
    const rows: Row[] = [await roundTripRow(h.db, 'processes')];
    if (parts.has('approvals')) rows.push(...(await approvalSteps(h, 1)), ...(await approvalSteps(h, 8)));
    if (parts.has('inbox')) rows.push(...(await inboxPages(h)));
    if (parts.has('timers')) rows.push(...(await timerLateness(h)));
    return rows;
  } finally {
    await h.close();
  }
}

/** Starts an instance of `key` through the API as the admin: its first step commits with it. */
async function startInstance(h: Harness, key: string, variables: object = {}) {
  const res = await api(h.app, 'POST', `/processes/${key}/instances`, await h.as('admin'), { variables });
  if (res.statusCode !== 201) throw new Error(`start failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return (res.json() as { id: string }).id;
}

// ---- approval steps ----------------------------------------------------------------------------------------

const approvalChain = () =>
  processBody(
    [
      start(),
      ...Array.from({ length: chainLength }, (_, k) =>
        node(
          `a${k}`,
          'opora.approvalTask',
          {
            approvers: { kind: 'roles', value: approverRole },
            mode: 'parallel',
            rule: 'any',
            fourEyes: true,
          },
          { name: `Согласование ${k + 1}` },
        ),
      ),
      end(),
    ],
    chain('start', ...Array.from({ length: chainLength }, (_, k) => `a${k}`), 'end'),
  );

let chains = 0;

/**
 * `callers` approvers at once, each deciding the open task of its own instances, one after another: a decision
 * closes the task, steps the instance and opens the next task, committed together. Beside it the same writes in
 * plain SQL: one transaction per step closing a task row, writing the instance's state, inserting a task row.
 */
async function approvalSteps(h: Harness, callers: number): Promise<Row[]> {
  const key = `approvals_${++chains}`;
  await publishProcess(h.app, key, approvalChain());
  const runs = steps;
  const instances = Math.ceil((runs + 20) / chainLength) + callers * pageOfInstances;
  const ids: string[] = [];
  for (let i = 0; i < instances; i++) ids.push(await startInstance(h, key, { i }));
  const headers = await h.as(approverRole);
  const perCaller = ids.map((id, i) => ({ id, caller: i % callers }));
  const queues: string[][] = Array.from({ length: callers }, (_, c) =>
    perCaller.filter((x) => x.caller === c).map((x) => x.id),
  );
  // An approver reads their open tasks a page at a time (one query for the next ten instances of their queue) and
  // decides them one by one, as from the inbox: the page read is not part of a step.
  const pages = queues.map(() => [] as string[]);
  const nextPage = async (lane: number) => {
    while (queues[lane]!.length) {
      const queue = queues[lane]!;
      const window = queue.slice(0, pageOfInstances);
      const rows = await h.db.query<{ id: string; instance_id: string }>(
        `select id, instance_id from process_task where instance_id in (${window.map(() => '?').join(', ')}) and status = 'open'`,
        window,
      );
      const open = new Set(rows.map((r) => r.instance_id));
      // Instances whose chain is done leave the queue; the page holds one task of each of the others.
      queues[lane] = queue.filter((id, i) => i >= pageOfInstances || open.has(id));
      if (rows.length) return rows.map((r) => r.id);
    }
    throw new Error('the bench ran out of instances');
  };
  const lanes = Array.from({ length: callers }, (_, c) => c);
  const laneDecide = async (lane: number) => {
    if (!pages[lane]!.length) pages[lane] = await nextPage(lane);
    const taskId = pages[lane]!.shift()!;
    const res = await api(h.app, 'POST', `/tasks/${taskId}/complete`, headers, { outcome: 'approve' });
    if (res.statusCode !== 200)
      throw new Error(`complete failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
  };
  for (let i = 0; i < 20; i++) await laneDecide(i % callers);
  const through = await inLanes(lanes, laneDecide, runs);
  const [sample] = await h.db.query<{ state: unknown }>('select state from process_instance where id = ?', [
    ids.at(-1),
  ]);
  const bare = await plainSqlSteps(h, JSON.stringify(sample?.state ?? {}), callers, runs);
  const [left] = await h.db.query<{ n: string | number }>(
    `select count(*) as n from process_task where process_key = ? and status = 'completed'`,
    [key],
  );
  if (Number(left?.n) !== runs + 20) throw new Error(`expected ${runs + 20} decisions, found ${left?.n}`);
  return [
    {
      benchmark: `approval steps via POST /tasks/:id/complete, ${callers} caller${callers > 1 ? 's' : ''} (${runs} steps; next task opened in the same commit)`,
      figure: `${through.perSec.toFixed(0)} steps/s, p50 ${ms(through.p50)} p95 ${ms(through.p95)}`,
      baseline: `plain SQL step (close task, write state, open task; 1 tx) ${bare.perSec.toFixed(0)}/s`,
      ratio: `${(bare.perSec / through.perSec).toFixed(1)}× slower; goal ≥ 500/s ${through.perSec >= 500 ? 'met' : 'missed'}`,
    },
  ];
}

/** `runs` calls shared out to `lanes` callers at once, each calling with its own lane: per second and latency. */
async function inLanes(lanes: number[], fn: (lane: number) => Promise<void>, runs: number) {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    lanes.map(async (lane) => {
      while (next < runs) {
        next++;
        const t = performance.now();
        await fn(lane);
        times.push(performance.now() - t);
      }
    }),
  );
  const wall = performance.now() - started;
  times.sort((a, b) => a - b);
  return { perSec: (runs / wall) * 1000, p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

/** The step's writes by hand on tables shaped like the real ones (their indexes included). */
async function plainSqlSteps(h: Harness, state: string, callers: number, runs: number) {
  await h.db.query('create table if not exists bench_task (like process_task including all)');
  await h.db.query('create table if not exists bench_instance (like process_instance including all)');
  const instanceIds = Array.from({ length: callers }, () => randomUUID());
  const openIds = instanceIds.map(() => randomUUID());
  for (const [c, id] of instanceIds.entries()) {
    await h.db.query(
      `insert into bench_instance (id, process_key, process_version, status, state, started_at, updated_at)
       values (?, 'bench', 1, 'running', ?::jsonb, now(), now())`,
      [id, state],
    );
    await insertBenchTask(h, undefined, openIds[c]!, id, 0);
  }
  let round = 0;
  const step = (lane: number) =>
    h.db.transaction(async (tx) => {
      await h.db.query(
        `update bench_task set status = 'completed', completed_at = now(), outcome = 'approve'
          where id = ? and status = 'open'`,
        [openIds[lane]],
        tx,
      );
      await h.db.query(`select * from bench_instance where id = ? for update`, [instanceIds[lane]], tx);
      await h.db.query(
        `update bench_instance set state = ?::jsonb, updated_at = now() where id = ?`,
        [state, instanceIds[lane]],
        tx,
      );
      const next = randomUUID();
      await insertBenchTask(h, tx, next, instanceIds[lane]!, ++round);
      openIds[lane] = next;
    });
  const lanes = Array.from({ length: callers }, (_, c) => c);
  return inLanes(lanes, step, runs);
}

async function insertBenchTask(
  h: Harness,
  tx: Parameters<Harness['db']['query']>[2],
  id: string,
  instanceId: string,
  round: number,
) {
  await h.db.query(
    `insert into bench_task (id, instance_id, task_id, token_id, node_id, process_key, process_version, kind,
       assignee_kind, assignee_value, title, created_at)
     values (?, ?, ?, 't1', 'a0', 'bench', 1, 'approval', 'role', ?, 'Согласование', now())`,
    [id, instanceId, `task-${round}-${id}`, approverRole],
    tx,
  );
}

// ---- the task inbox ------------------------------------------------------------------------------------------

/**
 * `openTasks` open tasks: one opened by the engine, the rest copies of its row (each with an instance of its own)
 * assigned across roles and users, a fifth of them to the reader's role, most with a due date. The reader's first
 * page and a page twenty pages in, through the API, beside the same page's query in plain SQL.
 */
async function inboxPages(h: Harness): Promise<Row[]> {
  const key = 'inbox_one';
  await publishProcess(
    h.app,
    key,
    processBody(
      [
        start(),
        node(
          'a0',
          'opora.approvalTask',
          { approvers: { kind: 'roles', value: 'agent' }, mode: 'parallel', rule: 'any', fourEyes: true },
          { name: 'Проверить' },
        ),
        end(),
      ],
      chain('start', 'a0', 'end'),
    ),
  );
  const instanceId = await startInstance(h, key);
  const madeFrom = performance.now();
  await cloneOpenTask(h, instanceId, openTasks - 1);
  const madeSeconds = (performance.now() - madeFrom) / 1000;
  await h.db.query('analyze process_task');
  await h.db.query('analyze process_instance');
  const reader = 'operator';
  const headers = await h.as(reader);
  const [mine] = await h.db.query<{ n: string | number }>(
    `select count(*) as n from process_task where status = 'open' and assignee_kind = 'role' and assignee_value = ?`,
    [reader],
  );
  const page = async (after?: string) => {
    const res = await api(
      h.app,
      'GET',
      `/tasks?scope=mine&limit=50${after ? `&after=${after}` : ''}`,
      headers,
    );
    if (res.statusCode !== 200) throw new Error(`inbox failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.json() as { items: { id: string }[]; nextCursor?: string; counts: { open: number } };
  };
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) cursor = (await page(cursor)).nextCursor;
  if (!cursor) throw new Error('the inbox has fewer than 21 pages');
  const first = await measure(() => page(), 200, { warmup: 10 });
  const later = await measure(() => page(cursor), 200, { warmup: 10 });
  const bare = await measure(
    () =>
      h.db.query(
        `select t.* from process_task t where t.status = 'open'
           and (t.claimed_by = ? or (t.assignee_kind = 'role' and t.assignee_value = any(?::text[])))
         order by (t.due_at is null), t.due_at, t.created_at, t.id limit 51`,
        [randomUUID(), `{${reader}}`],
      ),
    200,
    { warmup: 10 },
  );
  const goal = (p95: number) => (p95 < 200 ? 'met' : 'missed');
  return [
    {
      benchmark: `inbox: ${openTasks} open tasks made (one by the engine, the rest copies of its rows), ${mine?.n} for the reader's role`,
      figure: `made in ${madeSeconds.toFixed(1)} s`,
      baseline: '—',
      ratio: '—',
    },
    {
      benchmark: 'inbox: GET /tasks?scope=mine first page (50, with counts), p50 / p95',
      figure: `${ms(first.medianMs)} / ${ms(first.p95Ms)}`,
      baseline: `the page's query in plain SQL p50 ${ms(bare.medianMs)}`,
      ratio: `${(first.medianMs / bare.medianMs).toFixed(1)}×; goal p95 < 200 ms ${goal(first.p95Ms)}`,
    },
    {
      benchmark: 'inbox: GET /tasks?scope=mine 21st page by cursor, p50 / p95',
      figure: `${ms(later.medianMs)} / ${ms(later.p95Ms)}`,
      baseline: `the page's query in plain SQL p50 ${ms(bare.medianMs)}`,
      ratio: `${(later.medianMs / bare.medianMs).toFixed(1)}×; goal p95 < 200 ms ${goal(later.p95Ms)}`,
    },
  ];
}

/** Copies the instance and its open task `count` times, spread over roles, users and due dates. */
async function cloneOpenTask(h: Harness, instanceId: string, count: number) {
  const roles = ['operator', 'supervisor', 'agent', 'admin', 'developer'];
  const batch = 20_000;
  for (let from = 0; from < count; from += batch) {
    const copies = JSON.stringify(
      Array.from({ length: Math.min(batch, count - from) }, (_, j) => {
        const i = from + j;
        return {
          i,
          instance: randomUUID(),
          task: randomUUID(),
          kind: i % 10 === 9 ? 'user' : 'role',
          value: i % 10 === 9 ? randomUUID() : roles[i % roles.length],
          due: i % 4 === 3 ? null : new Date(Date.now() + (i % 1000) * 3_600_000).toISOString(),
        };
      }),
    );
    const each = `jsonb_to_recordset(?::jsonb) k(i int, instance uuid, task uuid, kind text, value text, due timestamptz)`;
    await h.db.transaction(async (tx) => {
      await h.db.query(
        `insert into process_instance select (jsonb_populate_record(null::process_instance, to_jsonb(t)
            || jsonb_build_object('id', k.instance))).*
           from process_instance t, ${each} where t.id = ?`,
        [copies, instanceId],
        tx,
      );
      await h.db.query(
        `insert into process_task select (jsonb_populate_record(null::process_task, to_jsonb(t)
            || jsonb_build_object('id', k.task, 'instance_id', k.instance, 'assignee_kind', k.kind,
                 'assignee_value', k.value, 'due_at', k.due,
                 'created_at', t.created_at + (k.i * interval '1 millisecond')))).*
           from process_task t, ${each} where t.instance_id = ?`,
        [copies, instanceId],
        tx,
      );
    });
  }
}

// ---- timer lateness ----------------------------------------------------------------------------------------

/**
 * `pendingTimers` instances each waiting at an hour's timer: one started by the engine, the rest copies of its
 * instance row and its `process.timer` job. A sample of them is then made due over a window; each fires through
 * the job worker and the engine, and its lateness is the engine's step time (the timer node's `leftAt`) minus the
 * job's due time.
 */
async function timerLateness(h: Harness): Promise<Row[]> {
  const key = 'timer_one';
  await publishProcess(
    h.app,
    key,
    processBody(
      [start(), node('wait', 'bpmn.intermediateCatchEvent', { kind: 'timer', durationSeconds: 3600 }), end()],
      chain('start', 'wait', 'end'),
    ),
  );
  const instanceId = await startInstance(h, key);
  const madeFrom = performance.now();
  await cloneWaitingInstance(h, instanceId, pendingTimers - 1);
  const madeSeconds = (performance.now() - madeFrom) / 1000;
  await h.db.query('analyze job');
  await h.db.query('analyze process_instance');
  const [pending] = await h.db.query<{ n: string | number }>(
    `select count(*) as n from job where name = 'process.timer' and status = 'pending'`,
  );
  if (Number(pending?.n) !== pendingTimers)
    throw new Error(`expected ${pendingTimers} timers, ${pending?.n}`);
  await h.db.query(
    `update job set run_at = now() + (? * interval '1 second') + (s.k * (? * interval '1 millisecond'))
       from (select id, row_number() over (order by random()) - 1 as k from job
              where name = 'process.timer' and status = 'pending' order by random() limit ?) s
      where job.id = s.id`,
    [leadSeconds, (timerWindowSeconds * 1000) / timerSample, timerSample],
  );
  const deadline = performance.now() + (leadSeconds + timerWindowSeconds + 300) * 1000;
  let fired = 0;
  while (fired < timerSample && performance.now() < deadline) {
    await sleep(250);
    const [row] = await h.db.query<{ n: string | number }>(
      `select count(*) as n from job where name = 'process.timer' and status = 'done'`,
    );
    fired = Number(row?.n);
  }
  const late = (
    await h.db.query<{ late_ms: string | number }>(
      `select (jsonb_path_query_first(i.state, '$.history[*] ? (@.nodeId == "wait").leftAt')::text::float8
               - extract(epoch from j.run_at) * 1000) as late_ms
         from job j join process_instance i on i.id = (j.payload->>'instanceId')::uuid
        where j.name = 'process.timer' and j.status = 'done'`,
    )
  )
    .map((r) => Number(r.late_ms))
    .sort((a, b) => a - b);
  const [done] = await h.db.query<{ completed: string | number }>(
    `select count(*) as completed from process_instance where process_key = ? and status = 'completed'`,
    [key],
  );
  const p99 = percentile(late, 0.99);
  return [
    {
      benchmark: `timers: ${pendingTimers} pending (one started by the engine, the rest copies of its rows)`,
      figure: `made in ${madeSeconds.toFixed(1)} s`,
      baseline: '—',
      ratio: '—',
    },
    {
      benchmark: `timers: ${timerSample} of them due over ${timerWindowSeconds} s, lateness p50 / p95 / p99 / max`,
      figure: `${[0.5, 0.95, 0.99].map((p) => percentile(late, p).toFixed(0)).join(' / ')} / ${(late.at(-1) ?? 0).toFixed(0)} ms`,
      baseline: 'goal p99 < 1,000 ms',
      ratio: `${(p99 / 1000).toFixed(2)}× of goal`,
    },
    {
      benchmark: 'timers: fired and instances completed',
      figure: `${late.length} fired, ${done?.completed} completed`,
      baseline: `goal ${timerSample}`,
      ratio: late.length === timerSample && Number(done?.completed) === timerSample ? 'met' : 'missed',
    },
  ];
}

/** Copies the waiting instance and its timer job `count` times, each copy with an id and key of its own. */
async function cloneWaitingInstance(h: Harness, instanceId: string, count: number) {
  const batch = 20_000;
  for (let from = 0; from < count; from += batch) {
    const copies = JSON.stringify(
      Array.from({ length: Math.min(batch, count - from) }, (_, j) => ({
        i: from + j,
        instance: randomUUID(),
      })),
    );
    const each = `jsonb_to_recordset(?::jsonb) k(i int, instance uuid)`;
    await h.db.transaction(async (tx) => {
      await h.db.query(
        `insert into process_instance select (jsonb_populate_record(null::process_instance, to_jsonb(t)
            || jsonb_build_object('id', k.instance))).*
           from process_instance t, ${each} where t.id = ?`,
        [copies, instanceId],
        tx,
      );
      await h.db.query(
        `insert into job (name, payload, idempotency_key, run_at, max_attempts)
         select t.name, t.payload || jsonb_build_object('instanceId', k.instance),
                replace(t.idempotency_key, ?, k.instance::text), t.run_at, t.max_attempts
           from job t, ${each} where t.name = 'process.timer' and t.status = 'pending'
            and t.payload->>'instanceId' = ?`,
        [instanceId, copies, instanceId],
        tx,
      );
    });
  }
}
