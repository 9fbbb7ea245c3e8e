import type { BodyMigration } from '../kind-spec.js';

/**
 * v1 → v2: the placeholder bot (`triggers[].steps[]`, never run by anything) becomes the block graph. Its steps
 * had no schema to carry over, so a v1 bot keeps its title and comes out empty, ready for the designer.
 */
export const placeholderToBlockGraph: BodyMigration = {
  from: 1,
  up: (body) => ({ schemaVersion: 2, title: body.title, triggers: [], blocks: [] }),
};
