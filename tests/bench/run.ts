// `npm run bench`: each figure beside a baseline measured in the same run on the same database, as a ratio.
import { randomUUID } from 'node:crypto';
import { createHarness, type Harness } from '@opora/server/testing/test-app';
import { databaseTargets } from '@opora/server/testing/test-database';
import { againstBareInsert } from './against-insert.js';
import { botEngineBench } from './bot-engine-bench.js';
import { botWaitsBench } from './bot-waits-bench.js';
import { botsWidgetBench } from './bots-widget-bench.js';
import { inboundInsertBench, telegramWebhookBench } from './channels-bench.js';
import { distributionBurst } from './distribution-bench.js';
import { healthDuringSlowQuery, healthDuringSlowQueryAndFlood, recordList } from './event-loop-bench.js';
import { formSubmissions, wideFormCompile } from './forms-bench.js';
import { hostileBodies } from './hostile-bodies-bench.js';
import { kbSearchBenchmarks, portalBundleRows } from './kb-search-bench.js';
import { loggingCost } from './logging-bench.js';
import { measure, printTable, type Row } from './measure.js';
import { operatorHistoryRows } from './operator-history.js';
import { operatorWindowBench } from './operator-window-bench.js';
import { processesBench } from './processes-bench.js';
import { scaleRun } from './scale-run.js';
import { sandboxBenchmarks, sdkRoundTrip } from './scripts-bench.js';
import { healthDuringSdkFlood, startFlood } from './sdk-flood-bench.js';
import { twoProcesses } from './two-processes.js';
import { widgetSocketBench } from './widget-bench.js';

const runs = Number(process.env.BENCH_RUNS ?? 2000);

const benchEntity = {
  schemaVersion: 1,
  label: { ru: 'Обращение' },
  titleField: 'subject',
  fields: [
    { key: 'subject', type: 'string', label: { ru: 'Тема' }, required: true },
    { key: 'description', type: 'text', label: { ru: 'Описание' } },
    { key: 'priority', type: 'number', label: { ru: 'Приоритет' }, min: 1, max: 5 },
  ],
};

async function recordCreate(h: Harness, headers: Record<string, string>): Promise<Row[]> {
  const data = {
    subject: 'Не могу войти в личный кабинет',
    description: 'После смены пароля вход не работает',
    priority: 3,
  };
  return againstBareInsert(
    h,
    'record create via API',
    data,
    async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/records/ticket',
        headers,
        payload: { data },
      });
      if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
    },
    runs,
  );
}

async function bigFormPublish(h: Harness, headers: Record<string, string>): Promise<Row> {
  const fields = Array.from({ length: 500 }, (_, i) => ({
    key: `f${i}`,
    type: i % 3 ? 'string' : 'number',
    label: { ru: `Поле ${i}` },
  }));
  const layout = fields.map((f, i) => ({ id: `e${i}`, type: 'field', field: f.key }));
  const call = (method: 'POST' | 'PUT', url: string, payload: object) =>
    h.app.inject({ method, url: `/api/v1${url}`, headers, payload });
  const entity = (
    await call('POST', '/definitions', {
      kind: 'entity',
      key: 'wide',
      name: 'Wide',
      body: { schemaVersion: 1, label: { ru: 'Широкий' }, fields },
    })
  ).json();
  await call('POST', `/definitions/${entity.id}/publish`, { draftVersion: entity.draftVersion });
  const body = { schemaVersion: 1, entity: 'wide', purpose: 'create', layout };
  const form = (
    await call('POST', '/definitions', { kind: 'form', key: 'wide-form', name: 'Wide form', body })
  ).json();
  let draftVersion = form.draftVersion as number;
  const publish = await measure(
    async (i) => {
      if (i !== -1)
        draftVersion = (
          await call('PUT', `/definitions/${form.id}`, { name: `Wide ${i}`, body, draftVersion })
        ).json().draftVersion;
      const res = await call('POST', `/definitions/${form.id}/publish`, { draftVersion });
      if (res.statusCode !== 201)
        throw new Error(`publish failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
    },
    20,
    { warmup: 1 },
  );
  const insert = await measure(
    () => h.db.query('insert into bench_row (id, data) values (?, ?)', [randomUUID(), JSON.stringify(body)]),
    200,
  );
  return {
    benchmark: 'publish a 500-field form (save + validate + refs + version)',
    figure: `${publish.medianMs.toFixed(1)} ms median`,
    baseline: `INSERT of the same JSON ${insert.medianMs.toFixed(2)} ms`,
    ratio: `${(publish.medianMs / insert.medianMs).toFixed(1)}×`,
  };
}

// BENCH_ONLY=channels: conversations' inbound paths (Telegram webhook, message insert), on their own harness.
// BENCH_ONLY=sandbox, =database, =kb or =flood (health while the server is busy) runs one part; =search only the
// knowledge-base search figures (=kb without the portal bundle, which needs the built UIs).
const only = process.env.BENCH_ONLY;
const kbArticles = Number(process.env.BENCH_KB_ARTICLES ?? 100_000);
// BENCH_DATABASES=postgresql (or pglite) measures on one database only.
const targets = databaseTargets.filter(
  (t) => !process.env.BENCH_DATABASES || process.env.BENCH_DATABASES.split(',').includes(t.name),
);

// The sandbox needs no database: measured once, before the per-database figures.
if (!only || only === 'sandbox')
  printTable(`Script sandbox (${runs} runs each unless stated)`, await sandboxBenchmarks(runs));
if (!only || only === 'database') printTable('Forms runtime (no database)', [await wideFormCompile()]);
if (!only || only === 'kb') printTable('Portal bundle (built by npm run build)', portalBundleRows());
// BENCH_ONLY=bots: the bot engine's blocks per second beside the tree walk engine (no database).
if (!only || only === 'bots')
  printTable('Bot engine (no database)', await botEngineBench(Math.min(runs, 500)));

for (const target of !only || only === 'kb' || only === 'search' ? targets : []) {
  const h = await createHarness(target);
  try {
    printTable(
      `Knowledge-base search on ${target.name} (${Math.min(runs, 500)} runs per class)`,
      await kbSearchBenchmarks(h, kbArticles, Math.min(runs, 500)),
    );
  } finally {
    await h.close();
  }
}

for (const target of !only || only === 'channels' ? targets : []) {
  const h = await createHarness(target, { secretsKey: 'bench-channels-secrets-key-01' });
  try {
    const updates = Number(process.env.BENCH_TELEGRAM_UPDATES ?? 10_000);
    printTable(`Conversations on ${target.name}`, [
      ...(await inboundInsertBench(h, Math.min(runs, 2000))),
      ...(await telegramWebhookBench(h, updates)),
    ]);
  } finally {
    await h.close();
  }
}

// BENCH_ONLY=widget: 1,000 visitors on the chat widget's sockets (WIDGET_VISITORS, WIDGET_SECONDS, WIDGET_EVERY_MS,
// WIDGET_FLOOD_SECONDS).
for (const target of !only || only === 'widget' ? targets : [])
  printTable(`Chat widget on ${target.name}`, await widgetSocketBench(target));

// BENCH_ONLY=bots-widget: a bot answering 1,000 widget visitors over their sockets (BOTS_VISITORS,
// BOTS_PACED_SECONDS, BOTS_FLOOD_SECONDS).
for (const target of !only || only === 'bots-widget' ? targets : [])
  printTable(`Bot in the chat widget on ${target.name}`, await botsWidgetBench(target));

// BENCH_ONLY=bot-waits: 10,000 bot sessions in a wait block, their timers due over a few seconds (BOTS_WAITS).
for (const target of !only || only === 'bot-waits' ? targets : [])
  printTable(`Bot waits on ${target.name}`, await botWaitsBench(target));

// BENCH_ONLY=window: the operator's window in Chromium over 10,000 dialogs (WINDOW_DIALOGS); needs the built UIs.
for (const target of !only || only === 'window' ? targets : [])
  printTable(`Operator window on ${target.name}`, await operatorWindowBench(target));

// BENCH_ONLY=distribution: a burst of new dialogs handed to simulated operators (and with two server processes on
// PostgreSQL).
for (const target of !only || only === 'distribution' ? targets : []) {
  const dialogs = Number(process.env.BENCH_DIALOGS ?? 1000);
  const h = await createHarness(target);
  try {
    printTable(
      `Distribution on ${target.name}`,
      await distributionBurst([h.app], [await h.as('supervisor')], dialogs),
    );
  } finally {
    await h.close();
  }
  if (target.name !== 'postgresql') continue;
  const pair = await twoProcesses(target);
  try {
    printTable(
      `Distribution on ${target.name}, two processes`,
      await distributionBurst(pair.apps, pair.headers, dialogs),
    );
  } finally {
    await pair.close();
  }
}

// BENCH_ONLY=logging: record creates with request logs at info beside the same with logs silent.
for (const target of !only || only === 'logging' ? targets : [])
  printTable(`Request logging on ${target.name}`, await loggingCost(target, Math.min(runs, 1000)));
// BENCH_ONLY=history: an operator's 10,000 closed dialogs (BENCH_HISTORY_DIALOGS) and 6 open ones, as the
// operator-window browser bench fills its database (`fillOperatorHistory`).
for (const target of only === 'history' ? targets : []) {
  const h = await createHarness(target);
  try {
    const closed = Number(process.env.BENCH_HISTORY_DIALOGS ?? 10_000);
    printTable(`Operator history on ${target.name}`, await operatorHistoryRows(h, closed));
  } finally {
    await h.close();
  }
}

// BENCH_ONLY=processes: approval steps through the API (1 and 8 callers), the task inbox over 100,000 open tasks,
// timer lateness with 100,000 pending timers (PROCESS_STEPS, PROCESS_TASKS, PROCESS_TIMERS, PROCESS_TIMER_SAMPLE).
for (const target of !only || only === 'processes' ? targets : [])
  printTable(`Processes on ${target.name}`, await processesBench(target));

// BENCH_ONLY=scale: 1,000,000 requests on PostgreSQL (SCALE_RECORDS), 100,000 on PGlite (SCALE_EMBEDDED_RECORDS).
if (!only || only === 'scale') await scaleRun(targets);

for (const target of only === 'sandbox' ||
only === 'bots' ||
only === 'kb' ||
only === 'search' ||
only === 'channels' ||
only === 'widget' ||
only === 'bots-widget' ||
only === 'bot-waits' ||
only === 'window' ||
only === 'distribution' ||
only === 'logging' ||
only === 'history' ||
only === 'processes' ||
only === 'scale'
  ? []
  : targets) {
  const h = await createHarness(target);
  try {
    const headers = await h.tokenFor('admin');
    const def = await h.app.inject({
      method: 'POST',
      url: '/api/v1/definitions',
      headers,
      payload: { kind: 'entity', key: 'ticket', name: 'Ticket', body: benchEntity },
    });
    await h.app.inject({
      method: 'POST',
      url: `/api/v1/definitions/${def.json().id}/publish`,
      headers,
      payload: { draftVersion: 1 },
    });
    if (only === 'flood') {
      await sdkRoundTrip(h, headers, 20); // warms the sandbox
      printTable(`Health while the server is busy on ${target.name}`, [
        ...(await healthDuringSdkFlood(h, runs)),
        await healthDuringSlowQuery(h),
        await healthDuringSlowQueryAndFlood(h, () => startFlood(h)),
      ]);
      continue;
    }
    printTable(`Opora benchmarks on ${target.name} (${runs} runs each)`, [
      ...(await recordCreate(h, headers)),
      await recordList(h, headers, runs),
      await bigFormPublish(h, headers),
      ...(await sdkRoundTrip(h, headers, runs)),
      ...(await healthDuringSdkFlood(h, runs)),
      ...(await formSubmissions(h, headers, runs)),
      await healthDuringSlowQuery(h),
      await healthDuringSlowQueryAndFlood(h, () => startFlood(h)),
      ...(await hostileBodies(h, runs)),
    ]);
  } finally {
    await h.close();
  }
}
