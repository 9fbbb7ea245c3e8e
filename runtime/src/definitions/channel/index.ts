import type { KindSpec } from '../kind-spec.js';
import { type ChannelBody, ChannelBodySchema } from './schema.js';
import { channelProblems } from './semantics.js';

export type { ChannelBody } from './schema.js';
export { ChannelBodySchema, siteOriginPattern } from './schema.js';
export { siteOriginProblem, siteOriginProblems } from './site-origin.js';

export const channelKind: KindSpec<ChannelBody> = {
  schema: ChannelBodySchema,
  schemaVersion: 1,
  migrations: [],
  problems: channelProblems,
};
