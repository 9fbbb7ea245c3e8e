import { ApiError } from '../api/api-error.js';
import type { OporaClient } from '../api/client.js';
import type { User } from '../api/types.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'signed-in'; user: User };

/** Who is signed in, for a browser app: a tiny observable store (React reads it with useSyncExternalStore). */
export interface SessionStore {
  get(): SessionState;
  subscribe(listener: () => void): () => void;
  /** Asks the server (the session cookie survives reloads); any failure counts as signed out. */
  load(): Promise<void>;
  signIn(login: string, password: string): Promise<User>;
  signOut(): Promise<void>;
}

export function createSessionStore(client: OporaClient): SessionStore {
  let state: SessionState = { status: 'loading' };
  const listeners = new Set<() => void>();
  const set = (next: SessionState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async load() {
      try {
        set({ status: 'signed-in', user: (await client.me()).user });
      } catch (error) {
        if (!(error instanceof ApiError)) console.error(error);
        set({ status: 'anonymous' });
      }
    },
    async signIn(login, password) {
      const { user } = await client.login(login, password);
      set({ status: 'signed-in', user });
      return user;
    },
    async signOut() {
      await client.logout().catch(() => undefined);
      set({ status: 'anonymous' });
    },
  };
}
