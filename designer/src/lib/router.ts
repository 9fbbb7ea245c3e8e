import { createHistoryRouter } from '@opora/sdk/web';
import { useSyncExternalStore } from 'react';

export { matchPath } from '@opora/sdk/web';

/** The designer lives under /designer/ on the same server as the portal. */
export const router = createHistoryRouter('/designer');
export const navigate = (path: string): void => router.navigate(path);

/** Re-renders the caller whenever the designer path changes. */
export function usePath(): string {
  return useSyncExternalStore(router.subscribe, router.path);
}
