import { type Role, staffRoles, type User } from '@opora/sdk';
import { createSessionStore, type SessionState } from '@opora/sdk/web';
import { useSyncExternalStore } from 'react';
import { client } from '../lib/api';

const store = createSessionStore(client);

export const loadSession = store.load;
export const signIn = store.signIn;
export const signOut = store.signOut;

export const isStaff = (user: User): boolean => user.roles.some((r: Role) => staffRoles.includes(r));
export const canDesign = (user: User): boolean =>
  user.roles.some((r) => r === 'admin' || r === 'analyst' || r === 'developer');

export function useSession(): SessionState {
  return useSyncExternalStore(store.subscribe, store.get);
}
