import type { RecordItem } from '@opora/sdk';

/** The columns a list query selects, and the row it gets back (raw SQL, no identity map needed for reading). */
export const recordColumns =
  'id, entity, number, entity_version, data, title, version, created_at, updated_at, created_by, updated_by';

export interface RecordRow {
  id: string;
  entity: string;
  number: string | number;
  entity_version: number;
  data: Record<string, unknown> | string;
  title: string;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
  created_by: string | null;
  updated_by: string | null;
}

export const recordRowView = (r: RecordRow): RecordItem => ({
  id: r.id,
  entity: r.entity,
  number: Number(r.number),
  entityVersion: r.entity_version,
  title: r.title,
  data: typeof r.data === 'string' ? (JSON.parse(r.data) as Record<string, unknown>) : r.data,
  version: r.version,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
  createdBy: r.created_by,
  updatedBy: r.updated_by,
});

/** A record as reads inside a save need it: the view's columns and who created it (ownership checks). */
export const storedColumns = `${recordColumns}, created_by_id`;

export interface StoredRecord extends RecordRow {
  created_by_id: string | null;
}
