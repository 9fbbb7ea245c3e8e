import { sameOrigin } from '../live/same-origin.js';
import type { WidgetChannel } from './widget-channels.js';

/**
 * Whether a browser page of `origin` may use a widget channel: a site the channel lists, or a page of this server
 * (the portal, the standalone widget page). Requests without an Origin (not a browser) pass: the visitor token is
 * what protects a conversation; the origin list keeps the widget off sites the owner did not choose.
 */
export function siteAllowed(
  origin: string | undefined,
  host: string | undefined,
  channel: Pick<WidgetChannel, 'allowedOrigins'>,
): boolean {
  if (origin === undefined) return true;
  if (sameOrigin(origin, host)) return true;
  const normalised = normaliseOrigin(origin);
  return normalised !== null && channel.allowedOrigins.some((site) => normaliseOrigin(site) === normalised);
}

/** `scheme://host[:port]` with the default port dropped and the host lower-cased; null for anything else. */
function normaliseOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}
