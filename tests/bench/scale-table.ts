import type { ScaleReport, ScaleRow } from './scale-bench.js';
import { latencies, ms, rate } from './scale-load.js';

const ratio = (r: ScaleRow) => `${(r.opora.perSec / r.bare.perSec).toFixed(2)}×`;
const met = (r: ScaleRow) => (r.goal === '—' ? '—' : r.met ? 'met' : 'NOT met');

/** One database's figures: p50 / p95 / p99 and throughput beside the bare route's, with the goal. */
export function printScaleReport(report: ScaleReport, records: number): void {
  const { seed } = report;
  printColumns(
    `Scale on ${report.target}: ${records.toLocaleString('en')} requests, ${seed.clients.toLocaleString('en')} clients ` +
      `(seeded in ${seed.insertSeconds} s, vacuum analyze ${seed.analyzeSeconds} s); p50 / p95 / p99`,
    ['benchmark', 'Opora', 'bare fastify + pg (same run)', 'ratio', 'goal', 'goal met'],
    report.rows.map((r) => [r.benchmark, latencies(r.opora), latencies(r.bare), ratio(r), r.goal, met(r)]),
  );
}

/** The databases side by side: the figure each goal is about, and whether it is met. */
export function printScaleSummary(reports: { report: ScaleReport; records: number }[]): void {
  if (reports.length < 2) return;
  const headers = [
    'benchmark',
    'goal',
    ...reports.map(({ report, records }) => `${report.target} ${compact(records)}: p95, req/s, ratio`),
    ...reports.map(({ report }) => `${report.target} met`),
  ];
  const keys = [...new Set(reports.flatMap(({ report }) => report.rows.map((r) => r.key)))];
  const rows = keys.map((key) => {
    const row = reports.map(({ report }) => report.rows.find((r) => r.key === key)).find(Boolean)!;
    const same = reports.map(({ report }) => report.rows.find((r) => r.key === row.key));
    return [
      row.benchmark,
      row.goal,
      ...same.map((r) => (r ? `${ms(r.opora.p95)} ms, ${rate(r.opora.perSec)}/s, ${ratio(r)}` : '—')),
      ...same.map((r) => (r ? met(r) : '—')),
    ];
  });
  printColumns('Scale: the databases side by side', headers, rows);
}

const compact = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${Math.round(n / 1000)}k`);

function printColumns(title: string, headers: string[], rows: string[][]): void {
  const all = [headers, ...rows];
  const widths = headers.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${widths.map((w, i) => (r[i] ?? '').padEnd(w)).join(' | ')} |`;
  console.log(`\n${title}`);
  console.log(line(headers));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}
