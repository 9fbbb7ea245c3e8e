import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BotBody, BotTrigger } from '../definitions/bot/schema.js';
import { validateDefinitionBody } from '../definitions/validate-body.js';
import { fixedClock } from '../engine.js';
import { type BlockType, type BotBlock, blockTypes, shapeOf } from './blocks/shapes.js';
import { startBot, stepBot } from './engine.js';
import type { BotEvent } from './events.js';
import { prepareBot } from './prepared-bot.js';
import type { BotSession } from './session.js';
import { maxVariables } from './session.js';

const text = { ru: 'Текст {{a}} {{client.name}}' };
const options = [
  { id: 'o1', label: { ru: 'Да' } },
  { id: 'o2', label: { ru: 'Нет' } },
];

/** A config for each block type that publishes (its exits are added from the shape). */
const configs: Record<BlockType, (variable: string) => Record<string, unknown>> = {
  message: () => ({ text }),
  buttons: (v) => ({ text, options, variable: v, retries: 1 }),
  ask: (v) => ({ text, input: 'phone', variable: v, retries: 1 }),
  'set-variable': (v) => ({ variable: v, value: { expression: 'a + 1' } }),
  condition: () => ({ expression: 'a > 1 or lastMessage == "да"' }),
  script: (v) => ({ script: 'check', input: { x: '{{a}}' }, output: v }),
  integration: (v) => ({ integration: 'crm', operation: 'find', input: {}, output: v }),
  'kb-search': () => ({ limit: 2, rounds: 2 }),
  record: (v) => ({ mode: 'create', entity: 'ticket', values: { subject: '{{b}}' }, output: v }),
  process: () => ({ process: 'refund', variables: {} }),
  'hand-over': () => ({ line: 'support', summary: [{ label: { ru: 'A' }, variable: 'a' }] }),
  'go-to-bot': () => ({ bot: 'other' }),
  wait: () => ({ seconds: 60, interruptible: true }),
  end: () => ({}),
};

const graph = fc
  .array(
    fc.record({
      type: fc.constantFrom(...blockTypes),
      variable: fc.constantFrom('a', 'b', 'c'),
      seed: fc.nat(),
    }),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .chain((specs) =>
    fc.tuple(
      fc.constant(specs),
      fc.array(fc.nat({ max: specs.length - 1 }), {
        minLength: specs.length * 4,
        maxLength: specs.length * 4,
      }),
      fc.array(fc.nat({ max: specs.length - 1 }), { minLength: 4, maxLength: 4 }),
    ),
  )
  .map(([specs, targets, triggerTargets]): BotBody => {
    let t = 0;
    const blocks = specs.map(({ type, variable }, i) => {
      const draft = {
        id: `b${i}`,
        type,
        typeVersion: 1,
        ...configs[type](variable),
        exits: {},
      } as unknown as BotBlock;
      const exits: Record<string, string> = {};
      for (const exit of shapeOf(draft).exits(draft)) {
        // Prefer the next block so most graphs reach everything; otherwise anywhere (loops included).
        const target =
          (targets[t++] ?? 0) % 3 === 0 ? (targets[t - 1] ?? 0) : Math.min(i + 1, specs.length - 1);
        if (exit.required || target % 2 === 0) exits[exit.name] = `b${target}`;
      }
      return { ...draft, exits } as BotBlock;
    });
    const triggers: BotTrigger[] = [
      { id: 'start', type: 'newDialog', next: 'b0' },
      { id: 'op', type: 'keyword', keywords: ['оператор'], anytime: true, next: `b${triggerTargets[0]}` },
      { id: 'jump', type: 'jump', next: `b${triggerTargets[1]}` },
      { id: 'silence', type: 'noReply', seconds: 60, next: `b${triggerTargets[2]}` },
      { id: 'menu', type: 'button', buttonId: 'menu', next: `b${triggerTargets[3]}` },
    ];
    return {
      schemaVersion: 2,
      title: { ru: 'Случайный' },
      variables: [{ name: 'a', initial: '1' }, { name: 'b' }, { name: 'c' }],
      triggers,
      blocks,
    };
  });

type EventSeed = { kind: number; text: string; ok: boolean; buttonId: string | undefined };

/** An event, partly aimed at what the session waits for (so results and timers often match). */
const event = fc.record({
  kind: fc.nat({ max: 11 }),
  text: fc.constantFrom('да', '2', '+7 912 345-67-89', 'оператор', 'Помогло', 'ёж', '', 'x'.repeat(300)),
  ok: fc.boolean(),
  buttonId: fc.constantFrom(undefined, 'o1', 'o2', 'helped', 'notHelped', 'menu'),
});

function eventFor(e: EventSeed, session: BotSession): BotEvent {
  const waiting = session.waiting;
  switch (e.kind) {
    case 0:
      return { type: 'dialogOpened' };
    case 1:
    case 2:
    case 3:
      return { type: 'message', text: e.text, ...(e.buttonId ? { buttonId: e.buttonId } : {}) };
    case 4:
      return { type: 'timer', blockId: waiting?.blockId ?? 'b0', attempt: waiting?.attempt ?? 0 };
    case 5:
    case 6:
      return e.ok
        ? {
            type: 'result',
            requestId: waiting?.requestId ?? '1:b0',
            ok: true,
            value: [{ id: 'k', title: 'Статья' }],
          }
        : { type: 'result', requestId: waiting?.requestId ?? '1:b0', ok: false, error: 'boom' };
    case 7:
      return { type: 'operatorReturned', blockId: waiting?.blockId ?? 'b0' };
    case 8:
      return { type: 'noReply', triggerId: 'silence', turn: session.turn };
    case 9:
      return { type: 'jump', variables: { a: 5, zz: 'x' } };
    case 10:
      return { type: 'recordStatus', entity: 'ticket', recordId: 'r', status: 'done' };
    default:
      return { type: 'schedule', triggerId: 'none' };
  }
}

describe('bot engine on random published graphs', () => {
  it('never throws, never fails a block, and keeps its state bounded and JSON', () => {
    let published = 0;
    fc.assert(
      fc.property(graph, fc.array(event, { minLength: 1, maxLength: 20 }), (body, events) => {
        if (validateDefinitionBody('bot', body).length) return;
        published++;
        const bot = prepareBot(body, { key: 'random', version: 1 });
        let session = startBot(bot);
        events.forEach((e, i) => {
          const result = stepBot(bot, session, eventFor(e, session), fixedClock(i * 1000));
          expect(result.effects.filter((f) => f.type === 'ended' && f.reason === 'error')).toEqual([]);
          if (result.refused) expect(result.state).toBe(session);
          expect(JSON.parse(JSON.stringify(result.state))).toEqual(result.state);
          expect(Object.keys(result.state.variables).length).toBeLessThanOrEqual(maxVariables);
          session = result.state;
        });
      }),
      { numRuns: 400, seed: 15 },
    );
    // The generator must reach the engine often enough for the property to mean something.
    expect(published).toBeGreaterThan(100);
  });
});
