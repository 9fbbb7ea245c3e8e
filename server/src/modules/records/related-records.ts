import type { RelatedGroup } from '@opora/sdk';
import type { RecordService } from './record-service.js';
import type { RecordTypes } from './record-types.js';

/**
 * Records of other types that point at one record through a relation field (a client's requests, a company's
 * clients): one group per type and field, newest first, each with its total so the screen can link to the rest.
 */
export class RelatedRecords {
  constructor(
    private readonly types: RecordTypes,
    private readonly records: RecordService,
  ) {}

  async of(entity: string, id: string, limit: number): Promise<{ items: RelatedGroup[] }> {
    await this.records.get(entity, id); // 404 for a record that does not exist
    const items: RelatedGroup[] = [];
    for (const type of await this.types.all())
      for (const field of type.body.fields) {
        if (field.type !== 'relation' || field.entity !== entity) continue;
        const filter = `${field.key}:${field.many ? 'contains' : 'eq'}:${id}`;
        const page = await this.records.list(type.key, { filter: [filter], limit });
        items.push({
          entity: type.key,
          entityLabel: type.body.pluralLabel ?? type.body.label,
          field: field.key,
          fieldLabel: field.label,
          many: field.many === true,
          total: page.total,
          items: page.items,
        });
      }
    return { items };
  }
}
