import { matchPath } from './match-path.js';

/** A minimal client-side router over the History API for an app served under `base` ('' for the site root). */
export interface HistoryRouter {
  /** The path inside the app, with its query string, e.g. '/d/form/123?tab=versions'. */
  path(): string;
  navigate(path: string, options?: { replace?: boolean }): void;
  subscribe(listener: () => void): () => void;
  match: typeof matchPath;
}

export function createHistoryRouter(base: string): HistoryRouter {
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  window.addEventListener('popstate', notify);
  return {
    path() {
      const { pathname, search } = window.location;
      const inner = base && pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
      return `${inner || '/'}${search}`;
    },
    navigate(path, options = {}) {
      window.history[options.replace ? 'replaceState' : 'pushState'](null, '', `${base}${path}`);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    match: matchPath,
  };
}
