import type { Locale } from '@opora/runtime/definitions';
import { bridgeLimits, runMessage, type SdkHandler, valueShapeProblem } from '@opora/runtime/scripts';
import { AppError } from '../../http/app-error.js';
import { message } from '../../http/messages.js';
import { type Actor, allows } from '../auth/actor.js';
import { staff } from '../auth/roles.js';
import { CallRefused, type IntegrationCaller } from '../integrations/integration-call.js';
import type { SecretScrubber } from '../integrations/secret-masking.js';
import type { RecordService } from '../records/record-service.js';
import { type SdkOperation, sdkArguments } from './sdk-arguments.js';

/** Where the full text of an unexpected SDK failure goes (the server log); the script gets a generic message. */
export type SdkFailureLog = (failure: { op: string; error: unknown }) => void;

/**
 * What a script's `ctx.records` and `ctx.http` do on the host, with the rights of the identity the script runs as:
 * a script can never see or change more than that identity could through the API.
 */
export interface ScriptSdkContext {
  actor: Actor | null;
  records: RecordService;
  caller: IntegrationCaller;
  /** The integrations the script declares; ctx.http.fetch reaches only these. */
  integrations: readonly string[];
  locale: Locale;
  /** Learns the secret values this run's HTTP calls carry, to mask them in everything the run leaves behind. */
  scrubber: SecretScrubber;
  logFailure: SdkFailureLog;
}

const isSdkOperation = (op: string): op is SdkOperation => Object.hasOwn(sdkArguments, op);

/**
 * The SDK handler for one run. Every call is checked like the API route it mirrors (same schemas, same
 * messages in the script's locale) after a generic check of the values themselves (depth, NUL characters),
 * and only then reaches a service. Expected refusals read as the API would word them; anything else (a database
 * error, say) is logged in full and reaches the script only as a generic message, never as SQL.
 */
export function scriptSdk(context: ScriptSdkContext): SdkHandler {
  const { actor, records, caller, integrations, locale, scrubber, logFailure } = context;
  const operations: { [Op in SdkOperation]: (args: unknown[]) => Promise<unknown> } = {
    'records.get': async (args) => {
      const { entity, id } = sdkArguments['records.get'](args, locale);
      return records.get(entity, id);
    },
    'records.find': async (args) => {
      const { entity, query } = sdkArguments['records.find'](args, locale);
      return records.list(entity, query);
    },
    'records.create': async (args) => {
      const { entity, data } = sdkArguments['records.create'](args, locale);
      return records.create(entity, data, actor, locale);
    },
    'records.update': async (args) => {
      const { entity, id, version, data } = sdkArguments['records.update'](args, locale);
      return records.update(entity, id, version, data, actor, locale);
    },
    'records.delete': async (args) => {
      const { entity, id, version } = sdkArguments['records.delete'](args, locale);
      await records.remove(entity, id, version, actor);
      return null;
    },
    'http.fetch': async (args) => {
      const call = sdkArguments['http.fetch'](args, locale);
      const response = await caller.call(
        {
          integration: call.integration,
          path: call.path,
          method: call.method ?? 'GET',
          query: call.query,
          headers: call.headers,
          body: call.body,
        },
        integrations,
        scrubber,
      );
      return { status: response.status, headers: response.headers, text: response.text };
    },
  };
  return async (op, args) => {
    if (!isSdkOperation(op)) throw new Error(runMessage(locale, 'sdk_bad_call'));
    if (allows(staff, actor) !== 'ok') throw new Error(message(locale, 'forbidden'));
    const shape = valueShapeProblem(args, bridgeLimits.maxValueDepth + 1, { refuseNul: true });
    if (shape)
      throw new Error(
        shape.kind === 'nul'
          ? runMessage(locale, 'sdk_value_nul')
          : runMessage(locale, 'sdk_value_too_deep', { depth: bridgeLimits.maxValueDepth }),
      );
    try {
      return await operations[op](args);
    } catch (error) {
      // Scripts see the same readable message an API caller would, with the field details.
      if (error instanceof AppError) {
        const details = error.details.map((d) => `${d.pointer}: ${d.message}`).join('; ');
        throw new Error(
          `${message(locale, error.messageKey, error.params)}${details ? ` (${details})` : ''}`,
        );
      }
      if (error instanceof CallRefused) throw new Error(error.describe(locale));
      logFailure({ op, error });
      throw new Error(message(locale, 'script_sdk_failed', { op }));
    }
  };
}
