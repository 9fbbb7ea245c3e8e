import type { ProcessEffect, ProcessInstance } from '@opora/runtime/processes';
import type { IntegrationCaller } from '../integrations/integration-call.js';
import type { RecordService } from '../records/record-service.js';
import type { ScriptService } from '../scripts/script-service.js';

type Value = ProcessInstance['variables'][string];

/** The requests bots and processes both make, one shape for either engine (runtime/src/effect-requests.ts). */
export type SharedEffectRequest = Extract<
  ProcessEffect,
  { type: 'runScript' | 'callIntegration' | 'createRecord' | 'updateRecord' | 'startProcess' }
>;

export const sharedRequestTypes: ReadonlySet<string> = new Set([
  'runScript',
  'callIntegration',
  'createRecord',
  'updateRecord',
  'startProcess',
]);

/** The services both engines' shared requests reach, as the server itself (no user: the design acts). */
export interface SharedEffectPorts {
  scripts: ScriptService;
  integrations: IntegrationCaller;
  records: RecordService;
  /** Starts a process for a bot (answers the instance's id); a process's own call activity starts it otherwise. */
  startProcess?: (
    process: string,
    variables: Record<string, Value>,
    idempotencyKey: string,
    record?: { entity: string; id: string },
  ) => Promise<string>;
}

/** Who asked: the script run log names it (`bot`, `process`). */
export type RequestOrigin = 'bot' | 'process';

/**
 * Carries out one request both bots and processes make (see runtime/src/effect-requests.ts) and answers its
 * value; throws what failed, and the caller answers the engine `ok: false` with the reason.
 */
export async function carryOutShared(
  ports: SharedEffectPorts,
  effect: SharedEffectRequest,
  locale: 'ru' | 'en',
  origin: { kind: RequestOrigin; id: string },
): Promise<Value> {
  switch (effect.type) {
    case 'runScript': {
      const run = await ports.scripts.runPublished(
        effect.script,
        effect.input,
        { kind: origin.kind, by: null },
        null,
        locale,
      );
      if (!run.ok) throw new Error(run.error.message);
      return asValue(run.output);
    }
    case 'callIntegration': {
      const path = effect.operation.startsWith('/') ? effect.operation : `/${effect.operation}`;
      const response = await ports.integrations.call({
        integration: effect.integration,
        path,
        method: 'POST',
        body: effect.input,
      });
      if (response.status >= 400) throw new Error(`HTTP ${response.status}`);
      return parsedBody(response.text);
    }
    case 'createRecord': {
      const record = await ports.records.create(effect.entity, givenValues(effect.values), null, locale);
      return { id: record.id, number: record.number, title: record.title };
    }
    case 'updateRecord': {
      const current = await ports.records.get(effect.entity, effect.recordId, null);
      const saved = await ports.records.update(
        effect.entity,
        effect.recordId,
        current.version,
        effect.values,
        null,
        locale,
      );
      return { id: effect.recordId, version: saved.version };
    }
    case 'startProcess': {
      if (!ports.startProcess) throw new Error('processes are not available');
      const key = `${origin.kind}:${origin.id}:${effect.requestId}`;
      return ports.startProcess(effect.process, effect.variables, key, effect.record);
    }
  }
}

/**
 * The values a new record is given: a template that came out empty (`{{client.email}}` of a visitor who told
 * none) gives no value, rather than an empty text a relation or an e-mail field would refuse.
 */
const givenValues = (values: Record<string, Value>): Record<string, Value> =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));

/** What an integration answered: JSON as data, anything else as text (cut to a size a variable holds). */
function parsedBody(text: string): Value {
  try {
    return asValue(JSON.parse(text));
  } catch {
    return text.slice(0, 10_000);
  }
}

/** A script's or an API's output as a variable's value (JSON already; undefined becomes null). */
const asValue = (output: unknown): Value => (output === undefined ? null : (output as Value));

const maxErrorChars = 1000;

/** A thrown failure as the reason an engine is told, cut to a size a variable holds. */
export const failureText = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).slice(0, maxErrorChars);
