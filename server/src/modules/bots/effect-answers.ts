import type { BotEvent, BotSession } from '@opora/runtime/bots';
import { carryOutShared, failureText, type SharedEffectPorts } from '../effects/shared-requests.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { RequestEffect } from './effect-requests.js';

/** The services a bot's requests reach, as the server itself (no user: the bot acts for the product). */
export interface EffectPorts extends SharedEffectPorts {
  kb: KnowledgeBase;
  /** The portal's public address, for links to articles; relative links without it. */
  publicUrl: string | undefined;
}

type Value = BotSession['variables'][string];
type Result = Extract<BotEvent, { type: 'result' }>;

/**
 * Carries out one request and answers it as the `result` event the session waits for. Never throws: whatever
 * fails (the script threw, the API answered 500, the record was refused) is `ok: false` with the reason, and the
 * engine takes the block's error exit.
 */
export async function answerRequest(
  ports: EffectPorts,
  effect: RequestEffect,
  locale: 'ru' | 'en',
  sessionId: string,
): Promise<Result> {
  const { requestId } = effect;
  try {
    const value = await carryOutRequest(ports, effect, locale, sessionId);
    return { type: 'result', requestId, ok: true, value };
  } catch (error) {
    return { type: 'result', requestId, ok: false, error: failureText(error) };
  }
}

async function carryOutRequest(
  ports: EffectPorts,
  effect: RequestEffect,
  locale: 'ru' | 'en',
  sessionId: string,
): Promise<Value> {
  if (effect.type !== 'searchKnowledgeBase')
    return carryOutShared(ports, effect, locale, { kind: 'bot', id: sessionId });
  const found = await ports.kb.search.search({ q: effect.query, limit: Math.min(effect.limit, 10) }, null);
  const base = (ports.publicUrl ?? '').replace(/\/+$/, '');
  return found.items.map((hit) => ({
    id: hit.id,
    title: hit.title.map((part) => part.text).join(''),
    url: `${base}/kb/${encodeURIComponent(hit.key)}`,
  }));
}
