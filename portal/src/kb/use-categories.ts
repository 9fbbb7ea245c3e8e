import { useEffect } from 'react';
import { client } from '../lib/api';
import { createStore, useStore } from '../lib/store';
import { buildCategoryTree, type CategoryTree } from './categories';

type CategoriesState =
  | { status: 'idle' | 'loading' }
  | { status: 'ready'; tree: CategoryTree }
  | { status: 'failed'; error: unknown };

/** Categories change rarely: loaded once per visit and shared by the search page, the KB pages and the search box. */
const categories = createStore<CategoriesState>({ status: 'idle' });

export function loadCategories(force = false): void {
  const now = categories.get().status;
  if (!force && (now === 'loading' || now === 'ready')) return;
  categories.set({ status: 'loading' });
  client.kb.categories().then(
    ({ items }) => categories.set({ status: 'ready', tree: buildCategoryTree(items) }),
    (error: unknown) => categories.set({ status: 'failed', error }),
  );
}

export function useCategories(): CategoriesState {
  useEffect(() => {
    loadCategories();
  }, []);
  return useStore(categories);
}

/** The tree when loaded, else null (callers show what they can without it). */
export function useCategoryTree(): CategoryTree | null {
  const state = useCategories();
  return state.status === 'ready' ? state.tree : null;
}
