import type { Locale } from '@opora/runtime/definitions';
import type { SdkHandler } from '@opora/runtime/scripts';
import type { RecordQuery } from '@opora/sdk';
import { AppError } from '../../http/app-error.js';
import { message } from '../../http/messages.js';
import { type Actor, allows } from '../auth/actor.js';
import { staff } from '../auth/roles.js';
import { CallRefused, type IntegrationCaller } from '../integrations/integration-call.js';
import type { RecordService } from '../records/record-service.js';

const str = (value: unknown, name: string): string => {
  if (typeof value !== 'string' || !value) throw new Error(`${name} must be a non-empty string`);
  return value;
};
const obj = (value: unknown, name: string): Record<string, unknown> => {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`${name} must be an object`);
  return value as Record<string, unknown>;
};

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
}

export function scriptSdk({ actor, records, caller, integrations, locale }: ScriptSdkContext): SdkHandler {
  const operations: Record<string, (args: unknown[]) => Promise<unknown>> = {
    'records.get': ([entity, id]) => records.get(str(entity, 'entity'), str(id, 'id')),
    'records.find': ([entity, query]) =>
      records.list(str(entity, 'entity'), obj(query ?? {}, 'query') as RecordQuery),
    'records.create': ([entity, data]) =>
      records.create(str(entity, 'entity'), obj(data, 'data'), actor, locale),
    'records.update': ([entity, id, version, data]) =>
      records.update(str(entity, 'entity'), str(id, 'id'), Number(version), obj(data, 'data'), actor, locale),
    'records.delete': async ([entity, id, version]) => {
      await records.remove(str(entity, 'entity'), str(id, 'id'), Number(version), actor);
      return null;
    },
    'http.fetch': async ([integration, path, init]) => {
      const options = obj(init ?? {}, 'init');
      const response = await caller.call(
        {
          integration: str(integration, 'integration'),
          path: str(path, 'path'),
          method: typeof options.method === 'string' ? options.method : 'GET',
          query: options.query as Record<string, unknown> | undefined,
          headers: options.headers as Record<string, unknown> | undefined,
          body: options.body,
        },
        integrations,
      );
      return { status: response.status, headers: response.headers, text: response.text };
    },
  };
  return async (op, args) => {
    const operation = operations[op];
    if (!operation) throw new Error(`unknown SDK operation ${op}`);
    if (allows(staff, actor) !== 'ok') throw new Error(message(locale, 'forbidden'));
    try {
      return await operation(args);
    } catch (error) {
      // Scripts see the same readable message an API caller would, with the field details.
      if (error instanceof AppError) {
        const details = error.details.map((d) => `${d.pointer}: ${d.message}`).join('; ');
        throw new Error(
          `${message(locale, error.messageKey, error.params)}${details ? ` (${details})` : ''}`,
        );
      }
      if (error instanceof CallRefused) throw new Error(error.message);
      throw error;
    }
  };
}
