import { randomUUID } from 'node:crypto';
import type { RunResult, ScriptFailure } from '@opora/runtime/scripts';
import { fitBytes } from '../../adapters/sandbox/host-bridge.js';
import type { Database } from '../../db/database.js';

/** Who or what started a run: the API, a form, a process step… and the user it ran as. */
export interface RunTrigger {
  kind: string;
  by: string | null;
}

export interface ScriptRunQuery {
  script?: string;
  outcome?: string;
  limit?: number;
  offset?: number;
}

interface RunRow {
  id: string;
  script_key: string;
  script_version: number | null;
  trigger: string;
  triggered_by: string | null;
  started_at: Date | string;
  duration_ms: number;
  cpu_ms: number;
  memory_bytes: string | number;
  sdk_calls: number;
  outcome: string;
  error: unknown;
  logs: unknown;
  logs_truncated: boolean;
}

const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

const view = (row: RunRow) => ({
  id: row.id,
  script: row.script_key,
  version: row.script_version,
  trigger: row.trigger,
  triggeredBy: row.triggered_by,
  startedAt: new Date(row.started_at).toISOString(),
  durationMs: Number(row.duration_ms),
  cpuMs: Number(row.cpu_ms),
  memoryBytes: Number(row.memory_bytes),
  sdkCalls: row.sdk_calls,
  outcome: row.outcome,
  error: json(row.error) ?? null,
  logs: json(row.logs) ?? [],
  logsTruncated: row.logs_truncated,
});

export type ScriptRunView = ReturnType<typeof view>;

/** PostgreSQL text and jsonb cannot hold NUL: a script's log or error containing one is stored with U+FFFD instead. */
const storable = (text: string) => text.replaceAll('\u0000', '\ufffd');

/** Logs kept per run, in UTF-8 bytes: enough to debug, small enough to keep every run. */
const keptLogBytes = 16 * 1024;

function truncatedLogs(result: RunResult) {
  const kept: { level: string; message: string }[] = [];
  let room = keptLogBytes;
  let cut = false;
  for (const line of result.logs) {
    if (room <= 0) break;
    const whole = storable(line.message);
    const message = fitBytes(whole, room);
    if (message !== whole) cut = true;
    kept.push({ level: line.level, message });
    room -= Buffer.byteLength(message) + 1;
  }
  return { logs: kept, truncated: result.logsTruncated || cut || kept.length < result.logs.length };
}

function storableError(error: ScriptFailure) {
  return {
    ...error,
    message: storable(error.message),
    ...(error.stack === undefined ? {} : { stack: storable(error.stack) }),
  };
}

/** The record of production runs: who or what ran which version, how long, how it ended, the (truncated) logs. */
export class ScriptRunLog {
  constructor(private readonly db: Database) {}

  async record(key: string, version: number | null, trigger: RunTrigger, startedAt: Date, result: RunResult) {
    const id = randomUUID();
    const { logs, truncated } = truncatedLogs(result);
    await this.db.query(
      `insert into script_run (id, script_key, script_version, trigger, triggered_by, started_at, duration_ms, cpu_ms,
         memory_bytes, sdk_calls, outcome, error, logs, logs_truncated)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        key,
        version,
        trigger.kind,
        trigger.by,
        startedAt.toISOString(),
        result.durationMs,
        result.cpuMs,
        Math.round(result.memoryBytes),
        result.sdkCalls,
        result.ok ? 'ok' : result.error.code,
        result.ok ? null : JSON.stringify(storableError(result.error)),
        JSON.stringify(logs),
        truncated,
      ],
    );
    return id;
  }

  async list(query: ScriptRunQuery) {
    const { script, outcome, limit = 50, offset = 0 } = query;
    const where: string[] = [];
    const params: unknown[] = [];
    if (script) {
      where.push('script_key = ?');
      params.push(script);
    }
    if (outcome === 'failed') where.push("outcome <> 'ok'");
    else if (outcome) {
      where.push('outcome = ?');
      params.push(outcome);
    }
    const filter = where.length ? `where ${where.join(' and ')}` : '';
    const rows = await this.db.query<RunRow>(
      `select * from script_run ${filter} order by started_at desc, id limit ? offset ?`,
      [...params, limit, offset],
    );
    const [count] = await this.db.query<{ total: string | number }>(
      `select count(*) as total from script_run ${filter}`,
      params,
    );
    return { items: rows.map(view), total: Number(count?.total ?? 0), limit, offset };
  }

  async get(id: string) {
    const [row] = await this.db.query<RunRow>('select * from script_run where id = ?', [id]);
    return row ? view(row) : undefined;
  }
}
