import { useEffect, useRef } from 'react';

/**
 * Asks before unsaved changes are lost: closing or reloading the tab (the browser's own question) and clicking
 * any in-app link (our question). Returns `confirmLeave` for the page's own «back» buttons.
 */
export function useLeaveGuard(dirty: boolean, question: string): () => boolean {
  const state = useRef({ dirty, question });
  state.current = { dirty, question };
  useEffect(() => {
    const onUnload = (event: BeforeUnloadEvent) => {
      if (state.current.dirty) event.preventDefault();
    };
    // Capture phase: runs before the link's own handler navigates.
    const onClick = (event: MouseEvent) => {
      if (!state.current.dirty || event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey) return; // a new tab loses nothing
      const link = (event.target as Element | null)?.closest?.('a[href]');
      const href = link?.getAttribute('href') ?? '';
      if (!href.startsWith('/designer') || link?.getAttribute('target') === '_blank') return;
      if (!window.confirm(state.current.question)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, []);
  return () => !state.current.dirty || window.confirm(state.current.question);
}
