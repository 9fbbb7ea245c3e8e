import { EntitySchema } from '@mikro-orm/core';

/** One instance of an entity definition; `data` is validated against the published entity version it was saved with. */
export class RecordEntity {
  id!: string;
  entity!: string;
  number!: number;
  entityVersion!: number;
  data!: Record<string, unknown>;
  title = '';
  searchText = '';
  version = 1;
  createdAt!: Date;
  updatedAt!: Date;
  createdBy: string | null = null;
  /** The user who created it (null for the server itself, e.g. imported demo data). */
  createdById: string | null = null;
  updatedBy: string | null = null;
  deletedAt: Date | null = null;
}

export const recordSchema = new EntitySchema<RecordEntity>({
  class: RecordEntity,
  tableName: 'record',
  properties: {
    id: { type: 'uuid', primary: true },
    entity: { type: 'text' },
    number: { type: 'bigint', runtimeType: 'number' },
    entityVersion: { type: 'integer' },
    data: { type: 'json' },
    title: { type: 'text' },
    searchText: { type: 'text' },
    version: { type: 'integer' },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
    updatedAt: { type: 'Date', columnType: 'timestamptz' },
    createdBy: { type: 'text', nullable: true },
    createdById: { type: 'uuid', nullable: true },
    updatedBy: { type: 'text', nullable: true },
    deletedAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
  },
});
