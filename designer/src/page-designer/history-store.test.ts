import { describe, expect, it } from 'vitest';
import { HistoryStore } from './history-store';

describe('designer history', () => {
  it('undoes and redoes changes, reporting each value', () => {
    const reported: number[] = [];
    const store = new HistoryStore(1, (v) => reported.push(v));
    store.change((v) => v + 1, 'a');
    store.change((v) => v * 10);
    expect(store.get()).toMatchObject({ value: 20, selected: 'a' });
    store.undo();
    expect(store.get().value).toBe(2);
    store.redo();
    expect(store.get().value).toBe(20);
    expect(reported).toEqual([2, 20, 2, 20]);
  });

  it('brings back the selection of the step it returns to', () => {
    const store = new HistoryStore(['a'], () => undefined);
    store.select('a');
    store.change(() => [], null);
    store.undo();
    expect(store.get()).toMatchObject({ value: ['a'], selected: 'a' });
    store.redo();
    expect(store.get()).toMatchObject({ value: [], selected: null });
  });

  it('records no step for an edit that changes nothing, but still selects', () => {
    const store = new HistoryStore({ n: 1 }, () => undefined);
    store.change((v) => v, 'x');
    expect(store.get().past).toHaveLength(0);
    expect(store.get().selected).toBe('x');
  });

  it('forgets the redo steps after a new change and starts over on reset', () => {
    const store = new HistoryStore(1, () => undefined);
    store.change(() => 2);
    store.undo();
    store.change(() => 3);
    expect(store.get().future).toHaveLength(0);
    store.reset(7);
    expect(store.get()).toEqual({ value: 7, selected: null, past: [], future: [] });
  });
});
