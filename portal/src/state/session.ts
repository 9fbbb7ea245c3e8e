import { ApiError, type Role, staffRoles, type User } from '@opora/sdk';
import type { SessionState } from '@opora/sdk/web';
import { useSyncExternalStore } from 'react';
import { client, type PortalClient } from '../lib/api';
import { createStore } from '../lib/store';

export interface PortalSession {
  get(): SessionState;
  subscribe(listener: () => void): () => void;
  /** Asks the server who is signed in (the app does once per page load; sign-up again after it opened a session). */
  load(): Promise<void>;
  signIn(login: string, password: string): Promise<User>;
  signOut(): Promise<void>;
}

/**
 * Who is signed in, for the portal. It asks `GET /auth/session`, which answers a visitor with `user: null`, so a
 * visitor's page load logs no 401; an answer to a question asked before a sign-in or sign-out does not undo it.
 */
export function createPortalSession(api: PortalClient): PortalSession {
  const store = createStore<SessionState>({ status: 'loading' });
  let changes = 0;
  return {
    get: store.get,
    subscribe: store.subscribe,
    async load() {
      const asked = changes;
      let next: SessionState;
      try {
        const { user } = await api.session();
        next = user ? { status: 'signed-in', user } : { status: 'anonymous' };
      } catch (error) {
        // The server said no (it is down, say): the visitor browses as anonymous; anything else is our bug.
        if (!(error instanceof ApiError)) console.error(error);
        next = { status: 'anonymous' };
      }
      if (asked === changes) store.set(next);
    },
    async signIn(login, password) {
      const { user } = await api.login(login, password);
      changes++;
      store.set({ status: 'signed-in', user });
      return user;
    },
    async signOut() {
      await api.logout().catch(() => undefined);
      changes++;
      store.set({ status: 'anonymous' });
    },
  };
}

const session = createPortalSession(client);

export const loadSession = session.load;
export const signIn = session.signIn;
export const signOut = session.signOut;

export const isStaff = (user: User): boolean => user.roles.some((r: Role) => staffRoles.includes(r));
export const canDesign = (user: User): boolean =>
  user.roles.some((r) => r === 'admin' || r === 'analyst' || r === 'developer');

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get);
}
