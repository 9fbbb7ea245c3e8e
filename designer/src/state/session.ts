import { createSessionStore, type SessionState } from '@opora/sdk/web';
import { useSyncExternalStore } from 'react';
import { client } from '../lib/api';

const store = createSessionStore(client);

export const loadSession = store.load;
export const signOut = store.signOut;
export const signIn = async (login: string, password: string): Promise<void> => {
  await store.signIn(login, password);
};

export function useSession(): SessionState {
  return useSyncExternalStore(store.subscribe, store.get);
}
