import type { KindSpec } from '../kind-spec.js';
import { type LineBody, LineBodySchema } from './schema.js';
import { lineProblems } from './semantics.js';

export const lineKind: KindSpec<LineBody> = {
  schema: LineBodySchema,
  schemaVersion: 2,
  migrations: [
    {
      // Version 1 named one channel type and a queue: the queue is the line itself now, routing is rules.
      from: 1,
      up: ({ title }) => ({
        schemaVersion: 2,
        title,
        channels: [],
        order: 100,
        rules: [],
        groups: [],
        skills: [],
        priority: 0,
        capacity: 3,
        offerTimeoutSeconds: 60,
      }),
    },
  ],
  problems: lineProblems,
};
