import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '@opora/server';
import { login } from '@opora/server/testing/test-app';
import { createTestDatabase, type DatabaseTarget } from '@opora/server/testing/test-database';
import { measure, measureInterleaved, type Row } from './measure.js';

type Level = 'info' | 'silent';

const ticket = {
  schemaVersion: 1,
  label: { ru: 'Обращение' },
  titleField: 'subject',
  fields: [
    { key: 'subject', type: 'string', label: { ru: 'Тема' }, required: true },
    { key: 'priority', type: 'number', label: { ru: 'Приоритет' }, min: 1, max: 5 },
  ],
};
const data = { subject: 'Не могу войти в личный кабинет', priority: 3 };

/**
 * What request logs cost: two apps on one database, alike but for the log level (info, as production runs, written
 * to /dev/null through a file stream; and silent), creating records in turns so both see the same machine load.
 * The figure is the throughput at info, the baseline the same at silent.
 */
export async function loggingCost(target: DatabaseTarget, runs: number): Promise<Row[]> {
  const database = await createTestDatabase(target);
  const dataDir = await mkdtemp(join(tmpdir(), 'opora-logbench-'));
  const sink = createWriteStream('/dev/null');
  const appAt = (level: Level) =>
    buildApp({
      db: database.db,
      serveUi: false,
      logger: { level, stream: sink },
      config: {
        bodyLimitBytes: 1024 * 1024,
        secureCookies: false,
        sessionTtlHours: 1,
        logLevel: level,
        loginRateLimit: 1000,
        dataDir,
      },
    });
  const info = await appAt('info');
  const silent = await appAt('silent');
  try {
    await Promise.all([info.ready(), silent.ready()]);
    const password = 'bench-password-123';
    await info.users.create({ login: 'bench', name: 'Bench', password, roles: ['admin'] }, null);
    const headers = await login(info, 'bench', password);
    const def = await info.inject({
      method: 'POST',
      url: '/api/v1/definitions',
      headers,
      payload: { kind: 'entity', key: 'ticket', name: 'Ticket', body: ticket },
    });
    await info.inject({
      method: 'POST',
      url: `/api/v1/definitions/${def.json().id}/publish`,
      headers,
      payload: { draftVersion: 1 },
    });
    const create = (app: typeof info) => async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/records/ticket',
        headers,
        payload: { data },
      });
      if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
    };
    const [atInfo, atSilent] = await measureInterleaved([create(info), create(silent)], runs);
    const rows = [
      row('record create, logs at info vs silent, 1 caller', atInfo.opsPerSec, atSilent.opsPerSec),
    ];
    // Eight callers at a time, in alternating slices, so a load spike elsewhere falls on both alike.
    const eight = { info: 0, silent: 0 };
    for (let slice = 0; slice < 4; slice++)
      for (const [level, app] of [
        ['info', info],
        ['silent', silent],
      ] as const) {
        const m = await measure(create(app), Math.ceil(runs / 4), { concurrency: 8, warmup: 8 });
        eight[level] += (Math.ceil(runs / 4) / m.opsPerSec) * 1000;
      }
    const perSec = (ms: number) => (Math.ceil(runs / 4) * 4 * 1000) / ms;
    rows.push(
      row('record create, logs at info vs silent, 8 callers', perSec(eight.info), perSec(eight.silent)),
    );
    rows.push(logLinesRow(info.log, atSilent.medianMs));
    return rows;
  } finally {
    await info.close();
    await silent.close();
    sink.end();
    await database.dispose();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * The two lines fastify writes per request at info («incoming request», «request completed»), through the app's
 * own logger (its serializers and redaction), timed alone: what logging adds to each request, without the noise
 * of a whole request beside it.
 */
function logLinesRow(
  log: { child(bindings: object): { info(obj: object, msg: string): void } },
  createMedianMs: number,
): Row {
  const req = {
    method: 'POST',
    url: '/api/v1/records/ticket',
    host: 'localhost',
    ip: '127.0.0.1',
    socket: { remotePort: 41234 },
  };
  const n = 20_000;
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const child = log.child({ reqId: `req-${i}` });
    child.info({ req }, 'incoming request');
    child.info({ res: { statusCode: 201 }, responseTime: 3.2 }, 'request completed');
  }
  const perRequestMs = (performance.now() - started) / n;
  return {
    benchmark: 'request log lines (2 a request) at info, alone',
    figure: `${(perRequestMs * 1000).toFixed(1)} µs a request`,
    baseline: `record create p50 ${createMedianMs.toFixed(2)} ms (silent)`,
    ratio: `${((perRequestMs / createMedianMs) * 100).toFixed(1)}%`,
  };
}

function row(benchmark: string, infoPerSec: number, silentPerSec: number): Row {
  return {
    benchmark,
    figure: `${infoPerSec.toFixed(0)}/s at info`,
    baseline: `${silentPerSec.toFixed(0)}/s silent`,
    ratio: `${(infoPerSec / silentPerSec).toFixed(2)}×`,
  };
}
