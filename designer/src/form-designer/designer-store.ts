import type { FormBody } from '@opora/runtime/definitions';
import { useSyncExternalStore } from 'react';

export interface DesignerState {
  body: FormBody;
  selected: string | null;
  past: FormBody[];
  future: FormBody[];
}

/** Steps kept for undo: plenty for a session of editing, bounded so a long one does not grow without end. */
const historyLimit = 200;

/**
 * The form designer's state, outside React: the form body with undo/redo history and the selected element.
 * Every change goes through `change`, which records history and reports the new body to whoever saves drafts.
 */
export class DesignerStore {
  private state: DesignerState;
  private readonly listeners = new Set<() => void>();

  constructor(
    body: FormBody,
    private readonly onBody: (body: FormBody) => void,
  ) {
    this.state = { body, selected: null, past: [], future: [] };
  }

  get = (): DesignerState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  change(edit: (body: FormBody) => FormBody, select?: string | null): void {
    const next = edit(this.state.body);
    if (next === this.state.body) return;
    this.set({
      body: next,
      past: [...this.state.past, this.state.body].slice(-historyLimit),
      future: [],
      selected: select === undefined ? this.state.selected : select,
    });
    this.onBody(next);
  }

  select(id: string | null): void {
    if (id !== this.state.selected) this.set({ ...this.state, selected: id });
  }

  undo(): void {
    const previous = this.state.past.at(-1);
    if (!previous) return;
    this.set({
      ...this.state,
      body: previous,
      past: this.state.past.slice(0, -1),
      future: [this.state.body, ...this.state.future],
    });
    this.onBody(previous);
  }

  redo(): void {
    const next = this.state.future[0];
    if (!next) return;
    this.set({
      ...this.state,
      body: next,
      past: [...this.state.past, this.state.body],
      future: this.state.future.slice(1),
    });
    this.onBody(next);
  }

  /** The draft was replaced from outside (JSON tab, reload): start over without history. */
  reset(body: FormBody): void {
    if (body !== this.state.body) this.set({ body, selected: null, past: [], future: [] });
  }

  private set(state: DesignerState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

export function useDesigner(store: DesignerStore): DesignerState {
  return useSyncExternalStore(store.subscribe, store.get);
}
