import type { Harness } from '@opora/server/testing/test-app';
import { measure, type Row } from './measure.js';

/**
 * A transaction of one `select 1` on the bench's database, measured in the same run: what one round trip costs on
 * this machine at this moment, to read the figures beside (a turn is a few dozen of them).
 */
export async function roundTripRow(db: Harness['db'], prefix: string): Promise<Row> {
  const tx = await measure(() => db.transaction((em) => db.query('select 1', [], em)), 200, { warmup: 20 });
  return {
    benchmark: `${prefix}: a one-statement transaction on this database (machine load check)`,
    figure: `${tx.medianMs.toFixed(2)} ms median, p99 ${tx.p99Ms.toFixed(2)} ms`,
    baseline: '—',
    ratio: '—',
  };
}
