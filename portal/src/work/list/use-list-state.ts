import { navigate, usePath } from '../../lib/router';
import { listPath } from '../../records/record-paths';
import { type ListState, listSearch, parseListState } from './list-state';

/** The list's state, read from the address; changing it rewrites the address (replacing, not piling up history). */
export function useListState(entity: string): [ListState, (next: ListState) => void] {
  const path = usePath();
  const state = parseListState(path.split('?')[1] ?? '');
  return [state, (next) => navigate(listPath(entity, listSearch(next)), true)];
}
