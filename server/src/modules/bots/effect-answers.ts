import type { BotEvent, BotSession } from '@opora/runtime/bots';
import type { IntegrationCaller } from '../integrations/integration-call.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { RecordService } from '../records/record-service.js';
import type { ScriptService } from '../scripts/script-service.js';
import type { RequestEffect } from './effect-requests.js';

/** The services a bot's requests reach, as the server itself (no user: the bot acts for the product). */
export interface EffectPorts {
  scripts: ScriptService;
  integrations: IntegrationCaller;
  kb: KnowledgeBase;
  records: RecordService;
  /** The portal's public address, for links to articles; relative links without it. */
  publicUrl: string | undefined;
}

type Value = BotSession['variables'][string];
type Result = Extract<BotEvent, { type: 'result' }>;

const maxErrorChars = 1000;

/**
 * Carries out one request and answers it as the `result` event the session waits for. Never throws: whatever
 * fails (the script threw, the API answered 500, the record was refused) is `ok: false` with the reason, and the
 * engine takes the block's error exit.
 */
export async function answerRequest(
  ports: EffectPorts,
  effect: RequestEffect,
  locale: 'ru' | 'en',
): Promise<Result> {
  const { requestId } = effect;
  try {
    return { type: 'result', requestId, ok: true, value: await carryOutRequest(ports, effect, locale) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { type: 'result', requestId, ok: false, error: message.slice(0, maxErrorChars) };
  }
}

async function carryOutRequest(
  ports: EffectPorts,
  effect: RequestEffect,
  locale: 'ru' | 'en',
): Promise<Value> {
  switch (effect.type) {
    case 'searchKnowledgeBase': {
      const found = await ports.kb.search.search(
        { q: effect.query, limit: Math.min(effect.limit, 10) },
        null,
      );
      const base = (ports.publicUrl ?? '').replace(/\/+$/, '');
      return found.items.map((hit) => ({
        id: hit.id,
        title: hit.title.map((part) => part.text).join(''),
        url: `${base}/kb/${encodeURIComponent(hit.key)}`,
      }));
    }
    case 'runScript': {
      const run = await ports.scripts.runPublished(
        effect.script,
        effect.input,
        { kind: 'bot', by: null },
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
      const record = await ports.records.create(effect.entity, effect.values, null, locale);
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
    case 'startProcess':
      throw new Error('processes are not available yet');
  }
}

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
