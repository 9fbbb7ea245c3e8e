/**
 * The draft preview talks to the real portal in an iframe (`/preview/page`, same origin): the portal says
 * it is ready, then the designer sends it the current draft body, again on every change.
 */
export const previewPath = '/preview/page';
export const previewDebounceMs = 300;

export interface PreviewReady {
  type: 'opora:preview-ready';
}
export interface PreviewPage {
  type: 'opora:preview-page';
  body: unknown;
}

export const isPreviewReady = (data: unknown): data is PreviewReady =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'opora:preview-ready';

export const previewMessage = (body: unknown): PreviewPage => ({ type: 'opora:preview-page', body });

/** The widths the preview shows the page at, in CSS pixels. */
export const previewWidths = { desktop: 1280, phone: 375 } as const;
export type PreviewMode = 'off' | keyof typeof previewWidths;

/** How much a page `frameWidth` wide must shrink to fit `available` pixels (never enlarged). */
export const fitScale = (available: number, frameWidth: number): number =>
  available > 0 ? Math.min(1, available / frameWidth) : 1;
