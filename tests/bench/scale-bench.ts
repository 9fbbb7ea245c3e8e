import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { importTemplate } from '@opora/server/testing/template';
import { createHarness, type Harness } from '@opora/server/testing/test-app';
import type { DatabaseTarget } from '@opora/server/testing/test-database';
import { startBareServer } from './scale-bare.js';
import { type LoadFigures, latencies, runLoad } from './scale-load.js';
import { readCases } from './scale-reads.js';
import { type SeedReport, seedScale } from './scale-seed.js';

/** One figure of the scale bench: Opora beside its bare baseline, and the goal it is held to. */
export interface ScaleRow {
  key: string;
  benchmark: string;
  opora: LoadFigures;
  bare: LoadFigures;
  goal: string;
  met: boolean;
}

export interface ScaleReport {
  target: string;
  seed: SeedReport;
  rows: ScaleRow[];
}

const seconds = Number(process.env.SCALE_SECONDS ?? 10);
const createConnections = [1, 8, 32];

/**
 * `BENCH_ONLY=scale`: a throwaway database with the support-desk template and `records` seeded requests, the app
 * listening on a port beside a bare fastify server, both measured over real HTTP from another thread.
 */
export async function scaleBench(
  target: DatabaseTarget,
  records: number,
  log: (line: string) => void,
): Promise<ScaleReport> {
  const h = await createHarness(target);
  try {
    await importTemplate(h);
    const operator = (await h.app.users.list('operator-user', 1, 0)).items[0]!;
    log(`Seeding ${records.toLocaleString('en')} requests on ${target.name}…`);
    const seed = await seedScale(h, records, { id: operator.id, name: operator.name }, log);
    log(
      `  seeded in ${seed.insertSeconds} s + ${seed.analyzeSeconds} s vacuum analyze: ${Object.entries(
        seed.rows,
      )
        .map(([table, n]) => `${table} ${n.toLocaleString('en')}`)
        .join(', ')}`,
    );
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    const bare = await startBareServer(h, target);
    try {
      const headers = await h.tokenFor('operator');
      const rows = [...(await reads(h, origin, bare.origin, headers, log))];
      rows.push(...(await creates(h, origin, bare.origin, headers, log)));
      return { target: target.name, seed, rows };
    } finally {
      await bare.close();
    }
  } finally {
    await h.close();
  }
}

async function reads(
  h: Harness,
  origin: string,
  bareOrigin: string,
  headers: Record<string, string>,
  log: (line: string) => void,
): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const c of await readCases(h, origin, headers, log)) {
    const job = { kind: 'calls' as const, connections: 1, runs: 2000, minRuns: 20, seconds, warmup: 5 };
    const bare = await runLoad({ ...job, origin: bareOrigin, scenarios: c.bare });
    const opora = await runLoad({ ...job, origin, scenarios: c.opora });
    const row = {
      key: c.key,
      benchmark: c.benchmark,
      opora,
      bare,
      goal: `p95 < ${c.goalP95Ms} ms`,
      met: opora.p95 < c.goalP95Ms && !opora.failures,
    };
    log(`  ${c.benchmark}: ${latencies(opora)}`);
    rows.push(row);
  }
  return rows;
}

async function creates(
  h: Harness,
  origin: string,
  bareOrigin: string,
  headers: Record<string, string>,
  log: (line: string) => void,
): Promise<ScaleRow[]> {
  const [client] = await h.db.query<{ id: string }>(
    "select id from record where entity = 'client' and deleted_at is null order by number desc limit 1",
  );
  const data = {
    subject: 'Не приходит код подтверждения при входе',
    description: 'Ввожу логин и пароль, а код по СМС так и не приходит. Пробовал несколько раз за утро.',
    priority: 'high',
    category: 'account',
    client: client!.id,
  };
  const body = JSON.stringify({ data });
  const rows: ScaleRow[] = [];
  for (const connections of createConnections) {
    const job = { kind: 'cannon' as const, method: 'POST' as const, body, connections, seconds };
    const bare = await runLoad({ ...job, url: `${bareOrigin}/insert`, headers: {} });
    const opora = await runLoad({ ...job, url: `${origin}/api/v1/records/request`, headers });
    const ratio = opora.perSec / bare.perSec;
    rows.push({
      key: `create-${connections}`,
      benchmark: `record create, ${connections} connection${connections > 1 ? 's' : ''}`,
      opora,
      bare,
      goal: connections === 8 ? '≥ 0.5× bare' : '—',
      met: connections === 8 ? ratio >= 0.5 && !opora.failures : true,
    });
    log(`  create at ${connections}: ${latencies(opora)} vs bare ${latencies(bare)}`);
    if (connections !== 8) continue;
    // Why the goal is out of reach: a bare route writing only what a create must (number, record, audit row,
    // thread) beside the single INSERT, and Opora beside that route.
    const shape = await runLoad({ ...job, url: `${bareOrigin}/create-shape`, headers: {} });
    rows.push({
      key: 'create-8-shape',
      benchmark: 'record create, 8 connections, beside a bare route writing what a create must',
      opora,
      bare: shape,
      goal: '—',
      met: true,
    });
    log(
      `  bare route writing what a create must, at 8: ${latencies(shape)} (${(shape.perSec / bare.perSec).toFixed(2)}× the single INSERT)`,
    );
  }
  return rows;
}

/** The machine's load when the figures were taken: the machine is shared. */
export const machineLoad = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');
