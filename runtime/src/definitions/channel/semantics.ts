import type { Locale, Problem } from '../kinds.js';
import type { ChannelBody } from './schema.js';
import { siteOriginProblems } from './site-origin.js';

/**
 * What the schema cannot express: each allowed site written exactly as browsers send its origin (no default port,
 * a port that exists), or the widget's origin check would never let that site in.
 */
export function channelProblems(body: ChannelBody, locale: Locale): Problem[] {
  return body.settings.type === 'widget' ? siteOriginProblems(body.settings.allowedOrigins, locale) : [];
}
