import type { Locale, ScriptBody } from '@opora/runtime/definitions';
import {
  bridgeLimits,
  type CompiledScript,
  effectiveLimits,
  ioProblems,
  type RunResult,
  runMessage,
  type ScriptHost,
  ScriptHostBusy,
  type ScriptLimits,
  valueShapeProblem,
} from '@opora/runtime/scripts';
import { type Clock, dateOf } from '../../adapters/clock.js';
import { compileScript } from '../../adapters/script-toolchain/compile.js';
import { CompileCache } from '../../adapters/script-toolchain/compile-cache.js';
import { syntaxErrorText } from '../../adapters/script-toolchain/syntax-text.js';
import type { Database } from '../../db/database.js';
import { AppError, fail } from '../../http/app-error.js';
import type { Actor } from '../auth/actor.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import type { IntegrationCaller } from '../integrations/integration-call.js';
import { SecretScrubber } from '../integrations/secret-masking.js';
import type { RecordService } from '../records/record-service.js';
import { RunAdmission, type RunAdmissionLimits } from './run-admission.js';
import { type RunTrigger, ScriptRunLog } from './script-runs.js';
import { type SdkFailureLog, scriptSdk } from './script-sdk.js';

type Host = ScriptHost & { close?: () => Promise<void>; ready?: () => Promise<void> };

export interface ScriptServiceDeps {
  db: Database;
  hostFactory: () => Host;
  records: RecordService;
  definitions: DefinitionService;
  caller: IntegrationCaller;
  /** The ceilings the server's operator allows (SCRIPT_MAX_* variables). */
  maxima: ScriptLimits;
  clock: Clock;
  /** Where unexpected SDK failures are logged in full (the script sees a generic message). */
  logFailure?: SdkFailureLog;
  /** How many runs go at once and wait (overall and per user); defaults suit one server process. */
  admission?: RunAdmissionLimits;
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
  private host: Host | undefined;
  private readonly builds = new Map<string, Build>();
  /** Test-runs of the same source (an author pressing "run" again) reuse its build. */
  private readonly compiled = new CompileCache();
  private readonly admission: RunAdmission;
  readonly runs: ScriptRunLog;

  constructor(private readonly deps: ScriptServiceDeps) {
    this.runs = new ScriptRunLog(deps.db);
    this.admission = new RunAdmission(deps.admission);
  }

  /**
   * Starts the sandbox and the compiler now rather than on the first run (server start-up); resolves when both
   * are ready, so the first test-run waits for neither.
   */
  async warmUp(): Promise<void> {
    this.host ??= this.deps.hostFactory();
    await Promise.all([this.host.ready?.(), compileScript('export default () => null')]);
  }

  async testRun(
    source: string,
    input: unknown,
    options: { limits?: Partial<ScriptLimits>; integrations?: string[] },
    actor: Actor | null,
    locale: Locale,
  ): Promise<RunResult> {
    checkInputShape(input, locale);
    const compiled = await this.compiled.compile(source);
    if (!compiled.ok)
      throw fail.validation(
        compiled.problems.map((p) => ({
          pointer: '/source',
          message: `${p.line}:${p.column} ${syntaxErrorText(p.message, locale)}`,
          code: 'compile',
        })),
      );
    return this.admission.admit(actor?.id ?? 'anonymous', () =>
      this.execute(compiled.script, input, options.limits ?? {}, options.integrations ?? [], actor, locale),
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
    checkInputShape(input, locale);
    const inputProblems = ioProblems(build.body.inputSchema, input, locale);
    if (inputProblems.length)
      throw fail.validation(inputProblems.map((p) => ({ ...p, pointer: `/input${p.pointer}` })));
    const startedAt = dateOf(this.deps.clock);
    let result = await this.admission.admit(undefined, () =>
      this.execute(
        build.script,
        input,
        build.body.limits ?? {},
        build.body.integrations ?? [],
        actor,
        locale,
      ),
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
            message: runMessage(locale, 'invalid_output', {
              problems: outputProblems.map((p) => `${p.pointer || '/'} ${p.message}`).join('; '),
            }),
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

  /**
   * One run in the sandbox with the SDK bound to `actor`. Whatever the run leaves behind (result, logs, error) is
   * masked against the secret values its HTTP calls could carry, before anyone sees or stores it.
   */
  private async execute(
    script: CompiledScript,
    input: unknown,
    limits: Partial<ScriptLimits>,
    integrations: string[],
    actor: Actor | null,
    locale: Locale,
  ): Promise<RunResult> {
    this.host ??= this.deps.hostFactory();
    const scrubber = new SecretScrubber();
    // Reads the SDK makes without naming an actor are the run's identity's: a script sees what it could see.
    const records = this.deps.records.actingAs(actor);
    const sdk = scriptSdk({
      actor,
      records,
      caller: this.deps.caller,
      integrations,
      locale,
      scrubber,
      logFailure: this.deps.logFailure ?? (() => {}),
    });
    let result: RunResult;
    try {
      result = await this.host.run(
        { script, input, limits: effectiveLimits(limits, this.deps.maxima), locale },
        sdk,
      );
    } catch (error) {
      if (error instanceof ScriptHostBusy)
        throw new AppError(503, 'scripts_busy', 'scripts_busy', { count: error.queued });
      throw error;
    }
    return scrubbed(result, scrubber);
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

/** A 4xx before anything runs: the sandbox takes no input nested deeper than it will carry. */
function checkInputShape(input: unknown, locale: Locale): void {
  if (valueShapeProblem(input, bridgeLimits.maxValueDepth))
    throw fail.validation([
      {
        pointer: '/input',
        message: runMessage(locale, 'input_too_deep', { depth: bridgeLimits.maxValueDepth }),
        code: 'depth',
      },
    ]);
}

function scrubbed(result: RunResult, scrubber: SecretScrubber): RunResult {
  if (scrubber.empty) return result;
  const logs = result.logs.map((line) => ({ ...line, message: scrubber.text(line.message) }));
  if (result.ok) return { ...result, logs, output: scrubber.value(result.output) };
  const { stack, ...error } = result.error;
  return {
    ...result,
    logs,
    error: {
      ...error,
      message: scrubber.text(error.message),
      ...(stack === undefined ? {} : { stack: scrubber.text(stack) }),
    },
  };
}
