import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TreeBody } from '../definitions/tree/schema.js';
import { type Clock, fixedClock } from '../engine.js';
import { prepareTree, type WalkEvent, type WalkStep, walkEngine } from './walk.js';

const t = (ru: string) => ({ ru });
const body: TreeBody = {
  schemaVersion: 2,
  title: t('Помощник'),
  root: 'start',
  nodes: [
    { id: 'start', title: t('С чем помочь?'), children: ['account', 'chat'] },
    { id: 'account', title: t('Кабинет'), children: ['password', 'answer'] },
    { id: 'password', title: t('Пароль'), leaf: { type: 'article', article: 'parol' } },
    { id: 'answer', title: t('Логин'), leaf: { type: 'answer', text: t('Это почта') } },
    { id: 'chat', title: t('Чат'), leaf: { type: 'contact', channel: 'chat' } },
  ],
};

/** Objects the engine must not change: a write to any of them throws in strict mode. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const tree = prepareTree(deepFreeze(structuredClone(body)));
const ids = ['start', 'account', 'chat', 'password', 'answer', 'nope'];
const anEvent: fc.Arbitrary<WalkEvent> = fc.oneof(
  fc.constantFrom(...ids).map((node) => ({ type: 'choose', node }) as const),
  fc.constant({ type: 'back' } as const),
  fc.constant({ type: 'restart' } as const),
  fc.array(fc.constantFrom(...ids), { maxLength: 4 }).map((path) => ({ type: 'goto', path }) as const),
  fc.boolean().map((helpful) => ({ type: 'rate', helpful }) as const),
);

/** Every step of a run of events from the start, each with frozen inputs. */
function replay(events: WalkEvent[], clock: Clock): WalkStep[] {
  let state = walkEngine.start();
  return events.map((event) => {
    const step = walkEngine.step(tree, deepFreeze(state), deepFreeze(structuredClone(event)), clock);
    state = step.state;
    return step;
  });
}

describe('the question-tree walk as an engine', () => {
  afterEach(() => vi.useRealTimers());

  it('answers the same states and effects to the same events under a fixed clock, whatever the wall clock says', () => {
    fc.assert(
      fc.property(fc.array(anEvent, { maxLength: 12 }), (events) => {
        const clock = fixedClock(Date.UTC(2025, 0, 1));
        vi.useFakeTimers({ now: Date.UTC(2020, 0, 1) });
        const first = replay(events, clock);
        vi.setSystemTime(Date.UTC(2031, 5, 15));
        const second = replay(events, clock);
        vi.useRealTimers();
        expect(second).toEqual(first);
        // The record the server stores and replays is JSON.
        expect(JSON.parse(JSON.stringify(first))).toEqual(first);
      }),
    );
  });

  it('gives the same answer at any time: a walk reads no clock', () => {
    const events: WalkEvent[] = [
      { type: 'choose', node: 'account' },
      { type: 'choose', node: 'answer' },
      { type: 'rate', helpful: true },
    ];
    const now = vi.fn(() => Date.UTC(2025, 0, 1));
    expect(replay(events, { now })).toEqual(replay(events, fixedClock(0)));
    expect(now).not.toHaveBeenCalled();
  });
});
