import type { MouseEvent } from 'react';
import { navigate } from '../../../lib/router';
import { internalTarget } from '../../internal-links';
import type { WidgetProps } from '../widget-props';

/** The page author's text; the server sanitized the HTML when the page was saved. */
export function RichTextWidget({ config }: WidgetProps<'rich-text'>) {
  // Links to portal pages open in place, like the portal's own links.
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const anchor = (event.target as Element).closest('a');
    const to = anchor && internalTarget(anchor, event);
    if (!to) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: only catches clicks on the links inside, which keep their own keyboard use
    <div
      className="widget widget-rich-text rich-text"
      data-testid="widget-rich-text"
      onClick={onClick}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: the server sanitizes page HTML on write
      dangerouslySetInnerHTML={{ __html: config.html }}
    />
  );
}
