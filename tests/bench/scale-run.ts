import type { DatabaseTarget } from '@opora/server/testing/test-database';
import { machineLoad, type ScaleReport, scaleBench } from './scale-bench.js';
import { printScaleReport, printScaleSummary } from './scale-table.js';

const sizes = {
  postgresql: Number(process.env.SCALE_RECORDS ?? 1_000_000),
  pglite: Number(process.env.SCALE_EMBEDDED_RECORDS ?? 100_000),
};

/** The scale bench on each database in turn (PostgreSQL first, the bigger one), then the two side by side. */
export async function scaleRun(targets: DatabaseTarget[]): Promise<void> {
  const done: { report: ScaleReport; records: number }[] = [];
  const ordered = [...targets].sort((a, b) =>
    a.name === 'postgresql' ? -1 : b.name === 'postgresql' ? 1 : 0,
  );
  for (const target of ordered) {
    const records = sizes[target.name];
    console.log(`\nScale bench on ${target.name}: load average ${machineLoad()} before`);
    const report = await scaleBench(target, records, (line) => console.log(line));
    console.log(`load average ${machineLoad()} after`);
    printScaleReport(report, records);
    done.push({ report, records });
  }
  printScaleSummary(done);
}
