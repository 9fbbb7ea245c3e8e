import { useEffect } from 'react';

/** Sets the browser tab's title while the page is shown, and puts the previous one back after. */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    if (!title) return;
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);
}
