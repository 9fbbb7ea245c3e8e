import type { Locale, ScriptBody } from '@opora/runtime/definitions';
import {
  type CompiledScript,
  compileScript,
  effectiveLimits,
  ioProblems,
  type RunResult,
  type ScriptHost,
  type ScriptLimits,
} from '@opora/runtime/scripts';
import type { Database } from '../../db/database.js';
import { fail } from '../../http/app-error.js';
import type { Actor } from '../auth/actor.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import type { IntegrationCaller } from '../integrations/integration-call.js';
import type { RecordService } from '../records/record-service.js';
import { type RunTrigger, ScriptRunLog } from './script-runs.js';
import { scriptSdk } from './script-sdk.js';

export interface ScriptServiceDeps {
  db: Database;
  hostFactory: () => ScriptHost & { close?: () => Promise<void> };
  records: RecordService;
  definitions: DefinitionService;
  caller: IntegrationCaller;
  /** The ceilings the server's operator allows (SCRIPT_MAX_* variables). */
  maxima: ScriptLimits;
}

interface Build {
  version: number;
  body: ScriptBody;
  script: CompiledScript;
}

/**
 * Compiles and runs scripts in the sandbox with the SDK bound to the caller. Published versions run from the
 * compiled output stored at publish (kept in memory after first use); every production run is recorded.
 */
export class ScriptService {
  private host: (ScriptHost & { close?: () => Promise<void> }) | undefined;
  private readonly builds = new Map<string, Build>();
  readonly runs: ScriptRunLog;

  constructor(private readonly deps: ScriptServiceDeps) {
    this.runs = new ScriptRunLog(deps.db);
  }

  async testRun(
    source: string,
    input: unknown,
    options: { limits?: Partial<ScriptLimits>; integrations?: string[] },
    actor: Actor | null,
    locale: Locale,
  ): Promise<RunResult> {
    const compiled = await compileScript(source);
    if (!compiled.ok)
      throw fail.validation(
        compiled.problems.map((p) => ({
          pointer: '/source',
          message: `${p.line}:${p.column} ${p.message}`,
          code: 'compile',
        })),
      );
    return this.execute(
      compiled.script,
      input,
      options.limits ?? {},
      options.integrations ?? [],
      actor,
      locale,
    );
  }

  /** Runs the latest published version of a script as `actor`: input and output checked, the run recorded. */
  async runPublished(
    key: string,
    input: unknown,
    trigger: RunTrigger,
    actor: Actor | null,
    locale: Locale,
  ): Promise<RunResult & { runId: string; version: number }> {
    const build = await this.build(key);
    const inputProblems = ioProblems(build.body.inputSchema, input, locale);
    if (inputProblems.length)
      throw fail.validation(inputProblems.map((p) => ({ ...p, pointer: `/input${p.pointer}` })));
    const startedAt = new Date();
    let result = await this.execute(
      build.script,
      input,
      build.body.limits ?? {},
      build.body.integrations ?? [],
      actor,
      locale,
    );
    if (result.ok) {
      const outputProblems = ioProblems(build.body.outputSchema, result.output, locale);
      if (outputProblems.length) {
        const { output: _dropped, ...rest } = result;
        result = {
          ...rest,
          ok: false,
          error: {
            code: 'invalid_output',
            message: `The script's result does not match its output schema: ${outputProblems
              .map((p) => `${p.pointer || '/'} ${p.message}`)
              .join('; ')}`,
          },
        };
      }
    }
    const runId = await this.runs.record(key, build.version, trigger, startedAt, result);
    return { ...result, runId, version: build.version };
  }

  async close(): Promise<void> {
    await this.host?.close?.();
  }

  private execute(
    script: CompiledScript,
    input: unknown,
    limits: Partial<ScriptLimits>,
    integrations: string[],
    actor: Actor | null,
    locale: Locale,
  ): Promise<RunResult> {
    this.host ??= this.deps.hostFactory();
    // Reads the SDK makes without naming an actor are the run's identity's: a script sees what it could see.
    const records = this.deps.records.actingAs(actor);
    return this.host.run(
      { script, input, limits: effectiveLimits(limits, this.deps.maxima) },
      scriptSdk({ actor, records, caller: this.deps.caller, integrations, locale }),
    );
  }

  /** The compiled output of the latest published version: memory, else the row stored at publish. */
  private async build(key: string): Promise<Build> {
    const published = await this.deps.definitions.latestPublished('script', key);
    if (!published) throw fail.scriptNotPublished(key);
    const id = `${published.definitionId}:${published.version}`;
    const cached = this.builds.get(id);
    if (cached) return cached;
    const [row] = await this.deps.db.query<{ code: string; source_map: string }>(
      'select code, source_map from script_build where definition_id = ? and version = ?',
      [published.definitionId, published.version],
    );
    const body = published.body as ScriptBody;
    let script: CompiledScript;
    if (row) script = { code: row.code, sourceMap: row.source_map };
    else {
      // Versions published before builds were stored: compile once, then keep in memory.
      const compiled = await compileScript(body.source);
      if (!compiled.ok) throw fail.scriptNotPublished(key);
      script = compiled.script;
    }
    const build = { version: published.version, body, script };
    this.builds.set(id, build);
    return build;
  }
}
