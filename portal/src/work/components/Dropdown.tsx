import { type ReactNode, useCallback, useEffect, useRef } from 'react';

/**
 * A button that opens a small panel (a native <details>, so it works from the keyboard), closed again by a click
 * elsewhere, by Escape, or by the panel's own actions through `close`.
 */
export function Dropdown({
  summary,
  label,
  testId,
  children,
}: {
  summary: ReactNode;
  label?: string;
  testId?: string;
  children: (close: () => void) => ReactNode;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  const close = useCallback(() => {
    if (details.current) details.current.open = false;
  }, []);
  useEffect(() => {
    const outside = (event: Event) => {
      if (details.current?.open && !details.current.contains(event.target as Node)) close();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && details.current?.open) {
        close();
        details.current.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('mousedown', outside);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', outside);
      document.removeEventListener('keydown', onKey);
    };
  }, [close]);
  return (
    <details className="dropdown" ref={details}>
      <summary className="btn" aria-label={label} data-testid={testId}>
        {summary}
      </summary>
      {children(close)}
    </details>
  );
}
