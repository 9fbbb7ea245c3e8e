/**
 * What a visitor may attach: pictures, PDFs, plain text and office documents. Nothing a browser would run (HTML,
 * SVG, scripts) and no archives (a zip bomb is no one's attachment). Files are served back with `nosniff` and a
 * sandboxing CSP anyway.
 */
export const visitorFileTypes: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** Pictures the widget shows inline (thumbnails); other files download. */
export const inlineImage = (contentType: string) =>
  ['image/png', 'image/jpeg', 'image/gif', 'image/webp'].includes(contentType);
