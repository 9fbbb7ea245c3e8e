import { EntitySchema } from '@mikro-orm/core';
import type { DefinitionKind, DefinitionStatus } from '@opora/sdk';

/** The editable draft of a definition; published versions are immutable rows of DefinitionVersionEntity. */
export class DefinitionEntity {
  id!: string;
  kind!: DefinitionKind;
  key!: string;
  name!: string;
  description = '';
  status: DefinitionStatus = 'draft';
  body!: unknown;
  draftVersion = 1;
  latestVersion: number | null = null;
  hasUnpublishedChanges = true;
  createdAt!: Date;
  updatedAt!: Date;
  createdBy: string | null = null;
  updatedBy: string | null = null;
}

export const definitionSchema = new EntitySchema<DefinitionEntity>({
  class: DefinitionEntity,
  tableName: 'definition',
  uniques: [{ properties: ['kind', 'key'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    kind: { type: 'text' },
    key: { type: 'text' },
    name: { type: 'text' },
    description: { type: 'text' },
    status: { type: 'text' },
    body: { type: 'json' },
    draftVersion: { type: 'integer' },
    latestVersion: { type: 'integer', nullable: true },
    hasUnpublishedChanges: { type: 'boolean' },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
    updatedAt: { type: 'Date', columnType: 'timestamptz' },
    createdBy: { type: 'text', nullable: true },
    updatedBy: { type: 'text', nullable: true },
  },
});
