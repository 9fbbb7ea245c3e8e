import type { KindSpec } from '../kind-spec.js';
import { type ChannelBody, ChannelBodySchema } from './schema.js';

export type { ChannelBody } from './schema.js';
export { ChannelBodySchema } from './schema.js';

export const channelKind: KindSpec<ChannelBody> = {
  schema: ChannelBodySchema,
  schemaVersion: 1,
  migrations: [],
};
