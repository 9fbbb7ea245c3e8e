import type { EntityField } from './schema.js';

/** The longest text a field may hold to be indexed: an index entry has to stay under PostgreSQL's ~2.7 KB. */
export const indexableTextLength = 1000;

const shortValues = new Set(['number', 'money', 'date', 'datetime', 'boolean', 'enum', 'email', 'phone']);

/**
 * Whether lists may get an index on the field (`indexed`): one short value per record — not long or rich
 * texts, tables, files, or several links — so no save can ever fail for an index entry too big.
 */
export function indexable(field: EntityField): boolean {
  if (shortValues.has(field.type)) return true;
  if (field.type === 'relation' || field.type === 'user')
    return !('many' in field && field.many) && !('multiple' in field && field.multiple);
  if (field.type === 'string') return field.maxLength !== undefined && field.maxLength <= indexableTextLength;
  return false;
}
