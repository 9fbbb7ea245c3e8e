/**
 * The page designer and the portal talk over postMessage while a draft is previewed in an iframe: the portal
 * says it is ready, the designer sends the page body (again on every change). Only the same origin counts.
 */
export const previewReady = { type: 'opora:preview-ready' } as const;

/** The body of a preview message from the expected origin, or undefined for anything else. */
export function previewBody(
  event: { origin: string; data: unknown },
  origin: string,
): { body: unknown } | undefined {
  if (event.origin !== origin) return undefined;
  const data = event.data as { type?: unknown; body?: unknown } | null;
  if (typeof data !== 'object' || data === null || data.type !== 'opora:preview-page') return undefined;
  return { body: data.body };
}
