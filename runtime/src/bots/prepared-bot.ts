import type { BotBlock, BotBody, BotTrigger } from '../definitions/bot/schema.js';
import { compileSafePattern } from '../definitions/safe-regexp.js';
import { messageStems } from '../lines/message-words.js';

/**
 * A published bot as the engine reads it, prepared once per published version: blocks by id, trigger words
 * stemmed, patterns compiled on RE2, synonyms folded to one stem per group.
 */
export interface PreparedBot {
  key: string;
  version: number;
  body: BotBody;
  blocks: ReadonlyMap<string, BotBlock>;
  timeZone: string;
  /** Per trigger id: what its message matching needs. */
  matchers: ReadonlyMap<string, TriggerMatcher>;
  /** A stem → the stem that stands for its synonym group. */
  synonyms: ReadonlyMap<string, string>;
}

export interface TriggerMatcher {
  keywords: string[][];
  pattern: { test(text: string): boolean } | null;
  examples: Set<string>[];
}

export interface PrepareOptions {
  key: string;
  version: number;
  /**
   * Synonym groups (the knowledge base's list: «инет», «интернет»); phrase triggers count a synonym as the same
   * word. Single words only; phrases in a group are skipped.
   */
  synonyms?: readonly (readonly string[])[];
}

export const defaultBotTimeZone = 'Europe/Moscow';

export function prepareBot(body: BotBody, options: PrepareOptions): PreparedBot {
  const synonyms = synonymStems(options.synonyms ?? []);
  const fold = (stems: string[]) => stems.map((stem) => synonyms.get(stem) ?? stem);
  const matchers = new Map<string, TriggerMatcher>();
  for (const trigger of body.triggers) matchers.set(trigger.id, matcherOf(trigger, fold));
  return {
    key: options.key,
    version: options.version,
    body,
    blocks: new Map(body.blocks.map((block) => [block.id, block])),
    timeZone: body.timeZone ?? defaultBotTimeZone,
    matchers,
    synonyms,
  };
}

function matcherOf(trigger: BotTrigger, fold: (stems: string[]) => string[]): TriggerMatcher {
  if (trigger.type === 'keyword')
    return {
      keywords: (trigger.keywords ?? []).map(messageStems).filter((stems) => stems.length > 0),
      pattern: trigger.pattern === undefined ? null : compiledOrNull(trigger.pattern),
      examples: [],
    };
  if (trigger.type === 'phrase')
    return {
      keywords: [],
      pattern: null,
      examples: trigger.examples.map((e) => new Set(fold(messageStems(e)))),
    };
  return { keywords: [], pattern: null, examples: [] };
}

function compiledOrNull(pattern: string) {
  try {
    return compileSafePattern(pattern);
  } catch {
    return null; // refused at publish; never matches
  }
}

function synonymStems(groups: readonly (readonly string[])[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of groups.slice(0, 10_000)) {
    const stems = group
      .map(messageStems)
      .filter((s) => s.length === 1)
      .map((s) => s[0] as string);
    const canonical = stems[0];
    if (canonical) for (const stem of stems) if (!map.has(stem)) map.set(stem, canonical);
  }
  return map;
}
