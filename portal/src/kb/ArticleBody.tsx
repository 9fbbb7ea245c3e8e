import type { MouseEvent } from 'react';
import { navigate } from '../lib/router';

/**
 * An article's HTML, sanitized by the server when it was saved, in the styled `.article-body` container.
 * Links to the portal itself open without a reload.
 */
export function ArticleBody({ html }: { html: string }) {
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    const link = (event.target as Element).closest?.('a');
    if (!link || (link.target && link.target !== '_self') || link.hasAttribute('download')) return;
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
    if (url.pathname.startsWith('/designer')) return;
    event.preventDefault();
    navigate(`${url.pathname}${url.search}${url.hash}`);
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: the handler only routes clicks on the links inside, which stay keyboard-reachable
    <div
      className="article-body"
      data-testid="article-body"
      onClick={onClick}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: the server sanitizes article HTML on write (no scripts, handlers or javascript: URLs)
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
