import type { ReactNode } from 'react';
import { navigate } from '../lib/router';

/** A real link that navigates inside the portal without a reload. */
export function Link({
  to,
  children,
  className,
  title,
  onClick,
  ...data
}: {
  to: string;
  children: ReactNode;
  className?: string;
  title?: string;
  onClick?: () => void;
  [data: `data-${string}`]: string;
}) {
  return (
    <a
      {...data}
      href={to}
      className={className}
      title={title}
      onClick={(event) => {
        onClick?.();
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
