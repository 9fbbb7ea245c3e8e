import { createStore } from '../../../lib/store';

/** What a keyboard shortcut asks of the composer on screen: take the focus, or open the answer templates. */
export type ComposerCommand = 'focus' | 'templates';

/** The latest command, numbered so the same command twice is two requests. */
export const composerCommands = createStore<{ n: number; command: ComposerCommand } | null>(null);

export function askComposer(command: ComposerCommand): void {
  composerCommands.set((last) => ({ n: (last?.n ?? 0) + 1, command }));
}
