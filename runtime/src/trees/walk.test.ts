import { describe, expect, it } from 'vitest';
import type { TreeBody } from '../definitions/tree/schema.js';
import { fixedClock } from '../engine.js';
import {
  indexNodes,
  prepareTree,
  startWalk,
  stepWalk,
  validPrefix,
  type WalkEvent,
  type WalkState,
} from './walk.js';

const t = (ru: string) => ({ ru });
const tree: TreeBody = {
  schemaVersion: 2,
  title: t('Помощник'),
  root: 'start',
  nodes: [
    { id: 'start', title: t('С чем помочь?'), children: ['account', 'chat'] },
    { id: 'account', title: t('Личный кабинет'), children: ['password', 'answer'] },
    { id: 'password', title: t('Сменить пароль'), leaf: { type: 'article', article: 'kak-smenit-parol' } },
    { id: 'answer', title: t('Забыл логин'), leaf: { type: 'answer', text: t('Логин — это ваша почта') } },
    { id: 'chat', title: t('Чат'), leaf: { type: 'contact', channel: 'chat' } },
  ],
};
const nodes = indexNodes(tree);
const prepared = prepareTree(tree);
const clock = fixedClock(Date.UTC(2025, 0, 1));
const run = (events: WalkEvent[], from: WalkState = startWalk()) =>
  events.reduce(
    (acc, event) => {
      const step = stepWalk(prepared, acc.state, event, clock);
      return {
        state: step.state,
        effects: [...acc.effects, ...step.effects],
        refused: step.refused ?? acc.refused,
      };
    },
    { state: from, effects: [] as unknown[], refused: undefined as string | undefined },
  );

describe('walking a question tree', () => {
  it('goes down the choices, records what was seen and the outcome at a leaf', () => {
    const walk = run([
      { type: 'choose', node: 'account' },
      { type: 'choose', node: 'password' },
    ]);
    expect(walk.state).toEqual({
      path: ['account', 'password'],
      outcome: 'article',
      outcomeNode: 'password',
    });
    expect(walk.effects).toEqual([
      { type: 'visited', node: 'account', depth: 1 },
      { type: 'visited', node: 'password', depth: 2 },
      { type: 'outcome', outcome: 'article', node: 'password' },
    ]);
  });

  it('refuses a choice that is not offered where the visitor is', () => {
    const walk = run([{ type: 'choose', node: 'password' }]);
    expect(walk.refused).toContain('not a choice');
    expect(walk.state.path).toEqual([]);
  });

  it('goes back, restarts, and rates the answer it ends at', () => {
    const walk = run([
      { type: 'choose', node: 'account' },
      { type: 'choose', node: 'answer' },
      { type: 'rate', helpful: true },
      { type: 'back' },
    ]);
    expect(walk.state).toEqual({ path: ['account'], outcome: 'helpful', outcomeNode: 'answer' });
    expect(run([{ type: 'restart' }], walk.state).state.path).toEqual([]);
    expect(run([{ type: 'rate', helpful: true }], walk.state).refused).toContain('no answer');
  });

  it('records a contact chosen with its channel', () => {
    expect(run([{ type: 'choose', node: 'chat' }]).effects.at(-1)).toEqual({
      type: 'outcome',
      outcome: 'contact',
      node: 'chat',
      channel: 'chat',
    });
  });

  it('resumes a shared path at its longest valid beginning', () => {
    expect(validPrefix(tree, nodes, ['account', 'password', 'extra'])).toEqual(['account', 'password']);
    expect(validPrefix(tree, nodes, ['password'])).toEqual([]);
    expect(run([{ type: 'goto', path: ['account', 'nope'] }]).state.path).toEqual(['account']);
  });
});
