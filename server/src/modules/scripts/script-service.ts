import type { Locale } from '@opora/runtime/definitions';
import {
  compileScript,
  effectiveLimits,
  type RunResult,
  type ScriptHost,
  type ScriptLimits,
} from '@opora/runtime/scripts';
import { fail } from '../../http/app-error.js';
import type { Actor } from '../auth/actor.js';
import type { RecordService } from '../records/record-service.js';
import { scriptSdk } from './script-sdk.js';

/** Compiles and runs scripts in the sandbox with the SDK bound to the caller. The host is created on first use. */
export class ScriptService {
  private host: ScriptHost | undefined;

  constructor(
    private readonly hostFactory: () => ScriptHost & { close?: () => Promise<void> },
    private readonly records: RecordService,
  ) {}

  async testRun(
    source: string,
    input: unknown,
    limits: Partial<ScriptLimits>,
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
    this.host ??= this.hostFactory();
    return this.host.run(
      { script: compiled.script, input, limits: effectiveLimits(limits) },
      scriptSdk(actor, this.records, locale),
    );
  }

  async close(): Promise<void> {
    await (this.host as { close?: () => Promise<void> } | undefined)?.close?.();
  }
}
