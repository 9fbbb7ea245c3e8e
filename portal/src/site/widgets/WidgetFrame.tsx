import type { ReactNode } from 'react';
import { useHeadingLevel } from '../page-heading';

/** A widget's box on the page: its heading (when it has one) over its content. */
export function WidgetFrame({
  type,
  title,
  children,
  aside,
}: {
  type: string;
  title?: string | null;
  children: ReactNode;
  /** A link beside the heading (e.g. «Все обращения»). */
  aside?: ReactNode;
}) {
  const Heading = useHeadingLevel();
  return (
    <section
      className={`widget widget-${type}`}
      data-testid={`widget-${type}`}
      aria-label={title ?? undefined}
    >
      {(title || aside) && (
        <header className="widget-head">
          {title && <Heading className="widget-title">{title}</Heading>}
          {aside}
        </header>
      )}
      {children}
    </section>
  );
}
