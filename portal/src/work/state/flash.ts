import { createStore } from '../../lib/store';

/** A message for the next screen ("Обращение №12 создано"), shown once after navigating there. */
export const flash = createStore<{ text: string; tone: 'success' | 'warning' } | null>(null);
