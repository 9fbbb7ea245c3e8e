import { createHistoryRouter } from '@opora/sdk/web';
import { useSyncExternalStore } from 'react';

export { matchPath } from '@opora/sdk/web';

export const router = createHistoryRouter('');
export const navigate = (path: string, replace = false): void => router.navigate(path, { replace });

export function usePath(): string {
  return useSyncExternalStore(router.subscribe, router.path);
}
