import { useSyncExternalStore } from 'react';
import { diff } from './diff';
import { applyAll, concatOperations, invert, type Operation } from './operations';

/** One undo step: the operations an edit made, and what was selected before and after it. */
export interface HistoryEntry {
  operations: Operation[];
  selectedBefore: string | null;
  selectedAfter: string | null;
}

export interface EditHistoryState<T> {
  body: T;
  selected: string | null;
  /** Undo steps, oldest first. */
  past: HistoryEntry[];
  /** Redo steps, next first. */
  future: HistoryEntry[];
  /** The last change's grouping key: typing in one field is one undo step, not one per letter. */
  group: string | null;
}

/** How a designer's selection follows undo, redo and a body replaced from outside. */
export interface SelectionRules<T> {
  /** After undo or redo; by default the selection recorded with the step (a deleted widget comes back selected). */
  onTravel?: (body: T, current: string | null, recorded: string | null) => string | null;
  /** After the body was replaced from outside; by default nothing. */
  onReset?: (body: T, current: string | null) => string | null;
  /** Whether an edit that changes nothing still selects what it names (a click in the page designer). */
  selectUnchanged?: boolean;
}

/** Steps kept for undo: plenty for a session of editing, bounded so a long one does not grow without end. */
const historyLimit = 200;

/**
 * A designer's state outside React: a definition body, the selection, and the undo history as operations.
 *
 * Every change goes through `change`: the designer's pure edit computes the next body, the history records the
 * difference as operations (plain JSON, see `operations.ts`), and undo applies their inverse. No snapshot of the
 * body and no closure is kept, so a step is data another editor of the same draft could apply too.
 */
export class EditHistory<T> {
  private state: EditHistoryState<T>;
  private readonly listeners = new Set<() => void>();

  constructor(
    body: T,
    private readonly onBody: (body: T) => void,
    private readonly rules: SelectionRules<T> = {},
  ) {
    this.state = { body, selected: null, past: [], future: [], group: null };
  }

  get = (): EditHistoryState<T> => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Applies `edit` as one undoable step; `select` (when given) becomes the selection. Consecutive changes with the
   * same `group` merge into one step. An edit that changes nothing is no step at all.
   */
  change(edit: (body: T) => T, select?: string | null, group?: string): void {
    const next = edit(this.state.body);
    const operations = next === this.state.body ? [] : diff(this.state.body, next);
    if (operations.length === 0) {
      if (select !== undefined && this.rules.selectUnchanged) this.select(select);
      return;
    }
    const selected = select === undefined ? this.state.selected : select;
    const last = this.state.past.at(-1);
    const merge = group !== undefined && group === this.state.group && last !== undefined;
    const entry: HistoryEntry = merge
      ? { ...last, operations: concatOperations(last.operations, operations), selectedAfter: selected }
      : { operations, selectedBefore: this.state.selected, selectedAfter: selected };
    const past = merge ? this.state.past.slice(0, -1) : this.state.past;
    this.set({
      body: next,
      selected,
      past: [...past, entry].slice(-historyLimit),
      future: [],
      group: group ?? null,
    });
    this.onBody(next);
  }

  select(id: string | null): void {
    if (id !== this.state.selected) this.set({ ...this.state, selected: id, group: null });
  }

  undo(): void {
    const entry = this.state.past.at(-1);
    if (!entry) return;
    const body = applyAll(this.state.body, invert(entry.operations));
    this.set({
      body,
      selected: this.travelSelection(body, entry.selectedBefore),
      past: this.state.past.slice(0, -1),
      // Redo brings back the selection of the moment undo was pressed.
      future: [{ ...entry, selectedAfter: this.state.selected }, ...this.state.future],
      group: null,
    });
    this.onBody(body);
  }

  redo(): void {
    const entry = this.state.future[0];
    if (!entry) return;
    const body = applyAll(this.state.body, entry.operations);
    this.set({
      body,
      selected: this.travelSelection(body, entry.selectedAfter),
      past: [...this.state.past, { ...entry, selectedBefore: this.state.selected }],
      future: this.state.future.slice(1),
      group: null,
    });
    this.onBody(body);
  }

  /** The draft was replaced from outside (JSON tab, reload after a conflict): start over without history. */
  reset(body: T): void {
    if (body === this.state.body) return;
    const selected = this.rules.onReset ? this.rules.onReset(body, this.state.selected) : null;
    this.set({ body, selected, past: [], future: [], group: null });
  }

  private travelSelection(body: T, recorded: string | null): string | null {
    return this.rules.onTravel ? this.rules.onTravel(body, this.state.selected, recorded) : recorded;
  }

  private set(state: EditHistoryState<T>): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

export function useEditHistory<T>(store: EditHistory<T>): EditHistoryState<T> {
  return useSyncExternalStore(store.subscribe, store.get);
}
