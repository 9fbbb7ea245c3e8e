import { evaluateOver } from '../bots/blocks/expression-cache.js';
import { renderTemplate, setVariable } from '../bots/variables.js';
import type { ProcessFlow, ProcessNode } from '../definitions/process/schema.js';
import type { Clock } from '../engine.js';
import { text, type Value } from '../forms/expressions/index.js';
import type { ProcessEffect } from './effects.js';
import type { InstanceStatus, ProcessInstance, Token } from './instance.js';
import type { PreparedProcess } from './prepared-process.js';

/** Nodes one event may move tokens through before the engine calls it a loop that never waits. */
export const maxNodeEntriesPerEvent = 1000;
/** The zone of expressions' today(). */
export const processTimeZone = 'Europe/Moscow';

/**
 * One step's working state: a copy of the instance this step owns, the effects it asks for, and the arrivals
 * still to run (tokens move breadth-first, so parallel branches interleave as a reader of the history expects).
 */
export interface Walk {
  process: PreparedProcess;
  instance: ProcessInstance;
  effects: ProcessEffect[];
  clock: Clock;
  queue: { tokenId: string; nodeId: string; via?: string; fired?: boolean }[];
  entries: number;
}

export function newWalk(process: PreparedProcess, instance: ProcessInstance, clock: Clock): Walk {
  return {
    process,
    instance: {
      ...instance,
      variables: { ...instance.variables },
      tokens: instance.tokens.map((t) => structuredClone(t)),
      history: [...instance.history],
      decisions: [...instance.decisions],
    },
    effects: [],
    clock,
    queue: [],
    entries: 0,
  };
}

export const nextId = (walk: Walk, prefix: string) => `${prefix}${++walk.instance.seq}`;
export const emit = (walk: Walk, effect: ProcessEffect) => walk.effects.push(effect);
export const tokenById = (walk: Walk, id: string | undefined) =>
  id === undefined ? undefined : walk.instance.tokens.find((t) => t.id === id);
export const nodeOf = (walk: Walk, token: Token) => walk.process.node(token.nodeId) as ProcessNode;

/** A timer's key: unique per token, node and attempt, so the server's job fires once and a stale one is refused. */
export const timerKey = (walk: Walk, token: Token, nodeId: string) =>
  `${token.id}:${nodeId}:${++walk.instance.seq}`;

/** The variables a token sees: the instance's, then its scopes' locals (outermost first), then `extra`. */
export function scopeOf(walk: Walk, token: Token, extra?: Record<string, Value>): Record<string, Value> {
  const chain: Token[] = [];
  for (let t: Token | undefined = token; t; t = tokenById(walk, t.scope)) chain.unshift(t);
  const vars: Record<string, Value> = { ...walk.instance.variables };
  for (const t of chain) Object.assign(vars, t.locals);
  return extra ? Object.assign(vars, extra) : vars;
}

export const evaluateFor = (walk: Walk, token: Token, source: string, extra?: Record<string, Value>): Value =>
  evaluateOver(source, scopeOf(walk, token, extra), walk.clock.now(), processTimeZone);

/** Expressions of a name → expression map, evaluated. */
export function evaluateMap(
  walk: Walk,
  token: Token,
  map: Record<string, string> | undefined,
): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [name, source] of Object.entries(map ?? {})) out[name] = evaluateFor(walk, token, source);
  return out;
}

export const render = (walk: Walk, token: Token, template: { ru: string; en?: string }) =>
  renderTemplate(template.ru, scopeOf(walk, token));

/** Sets instance variables within the bounds (`__proto__` and past the limit are dropped). */
export function setVariables(walk: Walk, values: Record<string, Value> | undefined) {
  for (const [name, value] of Object.entries(values ?? {})) setVariable(walk.instance.variables, name, value);
}

export const asText = (value: Value) => text(value);

/** Opens a history entry for a token arriving at a node. */
export function openEntry(walk: Walk, token: Token, nodeId: string) {
  token.entry = walk.instance.history.length;
  walk.instance.history.push({ nodeId, tokenId: token.id, enteredAt: walk.clock.now() });
}

/** Closes the token's open history entry with how it left. */
export function closeEntry(walk: Walk, token: Token, outcome: string) {
  const entry = walk.instance.history[token.entry];
  if (!entry || entry.leftAt !== undefined) return;
  walk.instance.history[token.entry] = { ...entry, leftAt: walk.clock.now(), outcome };
}

/** A new token at rest (not yet arrived anywhere). */
export function newToken(
  walk: Walk,
  nodeId: string,
  scope: string | undefined,
  extra: Partial<Token> = {},
): Token {
  const token: Token = { id: nextId(walk, 'tok-'), nodeId, entry: -1, ...(scope ? { scope } : {}), ...extra };
  walk.instance.tokens.push(token);
  return token;
}

/** Queues a token's arrival at a node (by `via`); `fired` passes an event node at once (its event happened). */
export function send(walk: Walk, token: Token, nodeId: string, via?: string, fired = false) {
  walk.queue.push({ tokenId: token.id, nodeId, ...(via ? { via } : {}), ...(fired ? { fired } : {}) });
}

export function removeToken(walk: Walk, token: Token) {
  walk.instance.tokens = walk.instance.tokens.filter((t) => t !== token);
}

export function finish(walk: Walk, status: InstanceStatus, error?: ProcessInstance['error']): undefined {
  if (walk.instance.status !== 'running') return;
  walk.instance.status = status;
  if (error) walk.instance.error = error;
  walk.queue = [];
  emit(walk, { type: 'ended', status, ...(error ? { error } : {}) });
}

export type { ProcessFlow };
