/**
 * The portal path a click inside author HTML should open without a reload, or null to let the browser follow
 * the link itself (external sites, new tabs, downloads, modified clicks).
 */
export function internalTarget(
  anchor: { getAttribute(name: string): string | null; target?: string },
  click: { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean },
): string | null {
  if (click.button !== 0 || click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return null;
  if (anchor.target && anchor.target !== '_self') return null;
  if (anchor.getAttribute('download') !== null) return null;
  const href = anchor.getAttribute('href') ?? '';
  if (!href.startsWith('/') || href.startsWith('//') || href.startsWith('/api/')) return null;
  return href;
}
