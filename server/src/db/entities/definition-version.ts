import { EntitySchema } from '@mikro-orm/core';

/** An immutable published version; running instances pin one of these. */
export class DefinitionVersionEntity {
  id!: string;
  definitionId!: string;
  version!: number;
  name!: string;
  body!: unknown;
  publishedAt!: Date;
  publishedBy: string | null = null;
}

export const definitionVersionSchema = new EntitySchema<DefinitionVersionEntity>({
  class: DefinitionVersionEntity,
  tableName: 'definition_version',
  uniques: [{ properties: ['definitionId', 'version'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    definitionId: { type: 'uuid' },
    version: { type: 'integer' },
    name: { type: 'text' },
    body: { type: 'json' },
    publishedAt: { type: 'Date', columnType: 'timestamptz' },
    publishedBy: { type: 'text', nullable: true },
  },
});
