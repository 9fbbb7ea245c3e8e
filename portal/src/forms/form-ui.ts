import type { FormBody, FormElement } from '@opora/runtime/definitions';
import { createStore, type Store } from '../lib/store';

/** Where a field sits among tabs: each tabs element above it and the tab that holds it, outermost first. */
type TabPath = { tabs: string; tab: string }[];

/**
 * The renderer's own state: which tab of each tabs element is open. Kept beside the form model so the error
 * summary can open the tab that holds a field before moving focus to it.
 */
export interface FormUi {
  activeTabs: Store<Record<string, string>>;
  /** Opens the tabs holding the field; resolves once the field's input is on screen. */
  reveal(fieldKey: string): Promise<void>;
  /** Tabs (by id) that hold any of the given fields. */
  tabsHolding(fieldKeys: Iterable<string>): Set<string>;
}

export const inputId = (elementId: string): string => `f-${elementId}`;

export function createFormUi(form: FormBody): FormUi {
  const paths = new Map<string, TabPath>();
  const walk = (elements: FormElement[], path: TabPath) => {
    for (const element of elements) {
      if (element.type === 'field' && !paths.has(element.field)) paths.set(element.field, path);
      if (element.type === 'block') walk(element.children as FormElement[], path);
      if (element.type === 'columns')
        for (const column of element.columns) walk(column.children as FormElement[], path);
      if (element.type === 'tabs')
        for (const tab of element.tabs)
          walk(tab.children as FormElement[], [...path, { tabs: element.id, tab: tab.id }]);
    }
  };
  walk(form.layout, []);
  const activeTabs = createStore<Record<string, string>>({});
  return {
    activeTabs,
    reveal(fieldKey) {
      const path = paths.get(fieldKey) ?? [];
      if (path.length)
        activeTabs.set((current) => ({
          ...current,
          ...Object.fromEntries(path.map((p) => [p.tabs, p.tab])),
        }));
      // React renders the opened tab on its next frame.
      return new Promise((done) => requestAnimationFrame(() => done()));
    },
    tabsHolding(fieldKeys) {
      const tabs = new Set<string>();
      for (const key of fieldKeys) for (const step of paths.get(key) ?? []) tabs.add(step.tab);
      return tabs;
    },
  };
}
