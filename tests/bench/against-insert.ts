import { randomUUID } from 'node:crypto';
import type { Harness } from '@opora/server/testing/test-app';
import { measure, type Row } from './measure.js';

/**
 * An API write measured against a bare INSERT of the same JSON into a scratch table, at 1 and 8 callers:
 * what the platform adds (validation, audit, transaction), as a ratio of throughputs in the same run.
 */
export async function againstBareInsert(
  h: Harness,
  label: string,
  data: object,
  write: () => Promise<void>,
  runs: number,
): Promise<Row[]> {
  await h.db.query('create table if not exists bench_row (id uuid primary key, data jsonb not null)');
  const rows: Row[] = [];
  for (const concurrency of [1, 8]) {
    const insert = await measure(
      () =>
        h.db.query('insert into bench_row (id, data) values (?, ?)', [randomUUID(), JSON.stringify(data)]),
      runs,
      { concurrency },
    );
    const api = await measure(write, runs, { concurrency });
    rows.push({
      benchmark: `${label}, ${concurrency} caller(s)`,
      figure: `${api.opsPerSec.toFixed(0)}/s (p50 ${api.medianMs.toFixed(2)} ms)`,
      baseline: `bare INSERT ${insert.opsPerSec.toFixed(0)}/s`,
      ratio: `${(api.opsPerSec / insert.opsPerSec).toFixed(2)}×`,
    });
  }
  return rows;
}
