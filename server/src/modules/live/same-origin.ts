/**
 * Whether a WebSocket upgrade comes from a page of this server. Browsers send cookies with cross-site WebSocket
 * requests and the same-origin policy does not apply to them, so without this check any site could read a
 * signed-in user's live messages (cross-site WebSocket hijacking). Clients that are not browsers send no Origin.
 */
export function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  if (!host) return false;
  try {
    const from = new URL(origin);
    if (from.protocol !== 'http:' && from.protocol !== 'https:') return false;
    // Parsed with the origin's scheme so that default ports compare equal (https://a and a:443).
    return from.host === new URL(`${from.protocol}//${host}`).host;
  } catch {
    return false;
  }
}
