import type { PageBody } from '@opora/runtime/definitions';
import { useEffect } from 'react';
import type { EditHistory } from '../state/edit-history';
import { removeWidget } from './widget-ops';

/** Delete (or Backspace) removes the selected widget, undoably, as in the form designer; not while typing. */
export function useDeleteKey(store: EditHistory<PageBody>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable))
        return;
      const id = store.get().selected;
      if (!id || (event.key !== 'Delete' && event.key !== 'Backspace')) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      store.change((b) => removeWidget(b, id), null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
