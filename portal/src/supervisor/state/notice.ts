import { createStore } from '../../lib/store';

/** What the last action on the board did (assigned, past capacity, refused), until the next one. */
export const notice = createStore<{ text: string; tone: 'success' | 'warning' | 'error' } | null>(null);
