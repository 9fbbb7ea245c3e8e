import type { AttachmentRef, Button } from '../conversations/message.js';
import type { SharedEffectRequest } from '../effect-requests.js';
import type { Value } from '../forms/expressions/index.js';
import type { BotEvent } from './events.js';

/**
 * What a step asks the server to do, as data. Effects that answer (`runScript`, `callIntegration`,
 * `searchKnowledgeBase`, `createRecord`, `updateRecord`, `startProcess`) carry a `requestId`; the server feeds
 * the answer back as a `result` event with the same id. Request ids are `${turn}:${blockId}`, so a replay gives
 * the same ids.
 */
export type BotEffect =
  | { type: 'send'; text: string; buttons?: Button[]; attachments?: AttachmentRef[] }
  /** Schedule `event` at `at` (epoch ms) under `key` (`${blockId}:${attempt}` or `noReply:${triggerId}`); a key
   * scheduled again replaces the earlier timer. The server prefixes the key with the session to make it global. */
  | { type: 'scheduleTimer'; key: string; at: number; event: BotEvent }
  | { type: 'cancelTimer'; key: string }
  | SharedEffectRequest
  | { type: 'searchKnowledgeBase'; requestId: string; query: string; limit: number }
  | { type: 'handOver'; line: string; summary: { label: string; value: string }[] }
  | { type: 'jumpToBot'; bot: string; variables: Record<string, Value> }
  /** The session ended: by an end block, a jump to another bot, or an error naming the block. */
  | { type: 'ended'; reason: 'end' | 'jump' | 'error'; blockId: string; message?: string };
