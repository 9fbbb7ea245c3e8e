import { accessScope } from '@opora/runtime/definitions';
import type { RelatedGroup } from '@opora/sdk';
import type { Actor } from '../auth/actor.js';
import type { RecordService } from './record-service.js';
import type { RecordTypes } from './record-types.js';

/**
 * Records of other types that point at one record through a relation field (a client's requests, a company's
 * clients): one group per type and field, newest first, each with its total (counted up to 10,000) so the screen
 * can link to the rest.
 * Only types the actor may read are listed, and of those only the records the actor may read.
 */
export class RelatedRecords {
  constructor(
    private readonly types: RecordTypes,
    private readonly records: RecordService,
  ) {}

  async of(
    entity: string,
    id: string,
    limit: number,
    actor: Actor | null,
  ): Promise<{ items: RelatedGroup[] }> {
    await this.records.get(entity, id, actor); // 404 for a record that does not exist or is not the actor's
    const items: RelatedGroup[] = [];
    for (const type of await this.types.all()) {
      if (actor && accessScope(type.body, actor.roles, 'read') === 'none') continue;
      for (const field of type.body.fields) {
        if (field.type !== 'relation' || field.entity !== entity) continue;
        const filter = `${field.key}:${field.many ? 'contains' : 'eq'}:${id}`;
        const page = await this.records.list(type.key, { filter: [filter], limit }, actor);
        items.push({
          entity: type.key,
          entityLabel: type.body.pluralLabel ?? type.body.label,
          field: field.key,
          fieldLabel: field.label,
          many: field.many === true,
          total: page.total,
          totalCapped: page.totalCapped,
          items: page.items,
        });
      }
    }
    return { items };
  }
}
