import { useSyncExternalStore } from 'react';

/** A state to go back (or forward) to: the value and what was selected then. */
export interface HistoryStep<T> {
  value: T;
  selected: string | null;
}

export interface HistoryState<T> extends HistoryStep<T> {
  past: HistoryStep<T>[];
  future: HistoryStep<T>[];
}

/** Steps kept for undo: plenty for a session of editing, bounded so a long one does not grow without end. */
const historyLimit = 200;

/**
 * A designer's state outside React: a definition body with undo/redo and a selection. Every change goes
 * through `change`, which records history and reports the new body to whoever keeps the draft.
 */
export class HistoryStore<T> {
  private state: HistoryState<T>;
  private readonly listeners = new Set<() => void>();

  constructor(
    value: T,
    private readonly onValue: (value: T) => void,
  ) {
    this.state = { value, selected: null, past: [], future: [] };
  }

  get = (): HistoryState<T> => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Applies an edit as one undoable step; an edit answering the same value is no step at all. */
  change(edit: (value: T) => T, select?: string | null): void {
    const next = edit(this.state.value);
    if (next === this.state.value) {
      if (select !== undefined) this.select(select);
      return;
    }
    this.set({
      value: next,
      past: [...this.state.past, this.step()].slice(-historyLimit),
      future: [],
      selected: select === undefined ? this.state.selected : select,
    });
    this.onValue(next);
  }

  select(id: string | null): void {
    if (id !== this.state.selected) this.set({ ...this.state, selected: id });
  }

  /** Goes back one step, selecting again what was selected then (a deleted widget comes back selected). */
  undo(): void {
    const previous = this.state.past.at(-1);
    if (previous === undefined) return;
    this.set({
      ...previous,
      past: this.state.past.slice(0, -1),
      future: [this.step(), ...this.state.future],
    });
    this.onValue(previous.value);
  }

  redo(): void {
    const next = this.state.future[0];
    if (next === undefined) return;
    this.set({ ...next, past: [...this.state.past, this.step()], future: this.state.future.slice(1) });
    this.onValue(next.value);
  }

  private step(): HistoryStep<T> {
    return { value: this.state.value, selected: this.state.selected };
  }

  /** The draft was replaced from outside (JSON tab, reload after a conflict): start over without history. */
  reset(value: T): void {
    if (value !== this.state.value) this.set({ value, selected: null, past: [], future: [] });
  }

  private set(state: HistoryState<T>): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

export function useHistory<T>(store: HistoryStore<T>): HistoryState<T> {
  return useSyncExternalStore(store.subscribe, store.get);
}
