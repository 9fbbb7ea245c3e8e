import type { ReactNode } from 'react';
import { navigate } from '../lib/router';

/** An in-app link: a real href (open in new tab works) that navigates without reloading. */
export function Link({
  to,
  children,
  className,
  testId,
}: {
  to: string;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <a
      href={`/designer${to}`}
      className={className}
      data-testid={testId}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
