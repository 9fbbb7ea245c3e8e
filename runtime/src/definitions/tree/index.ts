import type { KindSpec } from '../kind-spec.js';
import { flattenNestedTree } from './migrations.js';
import { type TreeBody, TreeBodySchema } from './schema.js';
import { treeProblems } from './semantics.js';

export const treeKind: KindSpec<TreeBody> = {
  schema: TreeBodySchema,
  schemaVersion: 2,
  migrations: [flattenNestedTree],
  problems: treeProblems,
};
