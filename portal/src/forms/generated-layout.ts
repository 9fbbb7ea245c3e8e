import type { EntityBody, EntityField, FormBody, FormElement } from '@opora/runtime/definitions';

const wide: ReadonlySet<EntityField['type']> = new Set(['text', 'richtext', 'table', 'file']);

/**
 * A plain layout of every field, for a type nobody designed a form for yet: short fields two to a row, long
 * text, files and tables across the whole width.
 */
export function generatedForm(entityKey: string, entity: EntityBody, purpose: FormBody['purpose']): FormBody {
  const layout: FormElement[] = entity.fields.map((field) => ({
    id: `field-${field.key}`,
    type: 'field',
    field: field.key,
    width: wide.has(field.type) || field.key === entity.titleField ? 'full' : 'half',
  }));
  return { schemaVersion: 1, entity: entityKey, purpose, title: entity.label, layout };
}
