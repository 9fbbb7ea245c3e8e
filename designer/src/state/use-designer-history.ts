import { useEffect, useRef, useState } from 'react';
import { EditHistory, type EditHistoryState, useEditHistory } from './edit-history';
import { sameJson } from './same-json';

/**
 * An edit history for a designer tab: starts from the draft body, reports every change, starts over when the
 * draft is replaced from outside (a reload after a conflict), and answers Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y
 * outside text fields (where the browser's own undo belongs). A click that selects without editing still selects.
 */
export function useDesignerHistory<T>(
  body: T,
  onChange: (next: T) => void,
): [EditHistory<T>, EditHistoryState<T>] {
  const report = useRef(onChange);
  report.current = onChange;
  const [store] = useState(
    () => new EditHistory<T>(body, (next) => report.current(next), { selectUnchanged: true }),
  );
  const state = useEditHistory(store);

  useEffect(() => {
    if (!sameJson(body, store.get().body)) store.reset(body);
  }, [body, store]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable))
        return;
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z') {
        event.preventDefault();
        if (event.shiftKey) store.redo();
        else store.undo();
      } else if (key === 'y') {
        event.preventDefault();
        store.redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  return [store, state];
}
