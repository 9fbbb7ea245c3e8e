import { useEffect, useRef } from 'react';
import { isTyping, type ShortcutAction, shortcutFor } from './shortcuts';

/** Listens for the window's shortcuts while it is on screen; the handler decides what each does. */
export function useShortcuts(handle: (action: ShortcutAction) => void): void {
  const handler = useRef(handle);
  handler.current = handle;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const action = shortcutFor(event, isTyping(event.target));
      if (!action) return;
      event.preventDefault();
      handler.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
