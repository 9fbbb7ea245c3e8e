import { createContext, useContext } from 'react';
import { useStore } from '../../../lib/store';
import { emptyThread, type ThreadState, threadStoreFor } from './thread-store';

/** Which dialog the components below show: the composer, the history and the template variables read it. */
export const ThreadIdContext = createContext<string | null>(null);

const noneStore = { get: () => emptyThread, set: () => undefined, subscribe: () => () => undefined };

/** The state of the dialog this part of the screen shows (an empty one outside a dialog). */
export function useThread(): ThreadState {
  const id = useContext(ThreadIdContext);
  return useStore(id ? threadStoreFor(id) : noneStore);
}
