import type { TreeBody } from '@opora/runtime/definitions';
import { useSyncExternalStore } from 'react';

export interface TreeDesignerState {
  body: TreeBody;
  selected: string | null;
  past: TreeBody[];
  future: TreeBody[];
  /** The last change's grouping key: typing in one field is one undo step, not one per letter. */
  group: string | null;
}

/** Steps kept for undo: plenty for a session, bounded so a long one does not grow without end. */
const historyLimit = 200;

/**
 * The tree designer's state outside React: the body with undo/redo history and the selected node. Every change
 * goes through `change`, which records history and reports the new body to the page that saves drafts.
 */
export class TreeStore {
  private state: TreeDesignerState;
  private readonly listeners = new Set<() => void>();

  constructor(
    body: TreeBody,
    private readonly onBody: (body: TreeBody) => void,
  ) {
    this.state = { body, selected: null, past: [], future: [], group: null };
  }

  get = (): TreeDesignerState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Applies `edit`; `select` (when given) becomes the selected node. Consecutive changes with the same `group`
   * merge into one undo step.
   */
  change(edit: (body: TreeBody) => TreeBody, select?: string | null, group?: string): void {
    const next = edit(this.state.body);
    if (next === this.state.body) return;
    const merge = group !== undefined && group === this.state.group && this.state.past.length > 0;
    this.set({
      body: next,
      past: merge ? this.state.past : [...this.state.past, this.state.body].slice(-historyLimit),
      future: [],
      selected: select === undefined ? this.state.selected : select,
      group: group ?? null,
    });
    this.onBody(next);
  }

  select(id: string | null): void {
    if (id !== this.state.selected) this.set({ ...this.state, selected: id, group: null });
  }

  undo(): void {
    const previous = this.state.past.at(-1);
    if (!previous) return;
    this.set({
      body: previous,
      past: this.state.past.slice(0, -1),
      future: [this.state.body, ...this.state.future],
      selected: this.keepSelection(previous),
      group: null,
    });
    this.onBody(previous);
  }

  redo(): void {
    const next = this.state.future[0];
    if (!next) return;
    this.set({
      body: next,
      past: [...this.state.past, this.state.body],
      future: this.state.future.slice(1),
      selected: this.keepSelection(next),
      group: null,
    });
    this.onBody(next);
  }

  /** The draft was replaced from outside (JSON tab, reload): start over without history. */
  reset(body: TreeBody): void {
    if (body !== this.state.body)
      this.set({ body, selected: this.keepSelection(body), past: [], future: [], group: null });
  }

  private keepSelection(body: TreeBody): string | null {
    const id = this.state.selected;
    return id && body.nodes.some((n) => n.id === id) ? id : null;
  }

  private set(state: TreeDesignerState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

export function useTreeStore(store: TreeStore): TreeDesignerState {
  return useSyncExternalStore(store.subscribe, store.get);
}
