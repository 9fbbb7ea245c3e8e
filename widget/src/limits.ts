/**
 * The server's message limits (`messageLimits` of `@opora/runtime/conversations`), repeated here so the bundle
 * carries no runtime code; `tests/architecture/widget-bundle.test.ts` checks they stay equal.
 */
export const widgetLimits = {
  text: 20_000,
  attachmentBytes: 20 * 1024 * 1024,
} as const;

/** What the server takes as attachments (the server's `upload-types.ts` decides; this only saves a round trip). */
export const acceptedFiles =
  'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,.doc,.docx,.xls,.xlsx';
