import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The webhook messenger API's signature, both ways: `X-Opora-Timestamp` (Unix seconds) and `X-Opora-Signature`
 * (`sha256=` + hex HMAC-SHA256 of `<timestamp>.<raw body>` with the channel's shared secret). The timestamp inside
 * the signed text makes an old captured call useless: calls older (or newer) than the tolerance are refused.
 */
export const signatureHeaders = { timestamp: 'x-opora-timestamp', signature: 'x-opora-signature' } as const;
export const toleranceSeconds = 300;

export function sign(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type SignatureVerdict = 'ok' | 'missing' | 'stale' | 'mismatch';

/** Checks a call's signature in constant time; `nowSeconds` is the server clock's Unix time. */
export function verify(
  secret: string,
  headers: { timestamp?: string; signature?: string },
  body: string,
  nowSeconds: number,
): SignatureVerdict {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature) return 'missing';
  if (!/^\d{1,12}$/.test(timestamp)) return 'mismatch';
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return 'stale';
  const expected = Buffer.from(sign(secret, Number(timestamp), body));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'ok' : 'mismatch';
}
