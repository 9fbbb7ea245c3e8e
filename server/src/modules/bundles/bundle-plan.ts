import type { BundleDefinition } from '@opora/runtime/definitions';
import type { Em } from '../../db/database.js';
import { DefinitionEntity } from '../../db/entities/definition.js';
import { canonicalJson } from '../definitions/canonical-json.js';

/** What importing one bundle definition will do, decided before anything is written. */
export interface DefinitionPlan {
  def: BundleDefinition;
  /** Its place in the bundle, for pointers. */
  index: number;
  existing: DefinitionEntity | null;
  /** The draft: created, overwritten (body or name differ), or left as it is. */
  change: 'create' | 'update' | 'none';
  /** Whether a version will be published (the bundle says so and there is something new to publish). */
  publish: boolean;
}

export async function planDefinition(em: Em, def: BundleDefinition, index: number): Promise<DefinitionPlan> {
  const existing = await em.findOne(DefinitionEntity, { kind: def.kind, key: def.key });
  const change = !existing
    ? 'create'
    : canonicalJson(existing.body) !== canonicalJson(def.body) || existing.name !== def.name
      ? 'update'
      : 'none';
  const pending = change !== 'none' || existing?.hasUnpublishedChanges === true;
  return { def, index, existing, change, publish: def.published === true && pending };
}
