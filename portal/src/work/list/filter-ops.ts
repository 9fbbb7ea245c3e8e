import type { EntityBody, EntityField } from '@opora/runtime/definitions';
import type { FilterOp } from '@opora/sdk';
import { type BuiltinColumn, builtinColumns } from './list-columns';

/** One condition of a list, as the records API takes it (`field:op:value`). */
export interface FilterSpec {
  field: string;
  op: FilterOp;
  value: string;
}

export const encodeFilter = (f: FilterSpec): string => `${f.field}:${f.op}:${f.value}`;

const allOps: readonly FilterOp[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'contains', 'in', 'empty'];

export function decodeFilter(text: string): FilterSpec | null {
  const [field = '', op = '', ...rest] = text.split(':');
  if (!field || !allOps.includes(op as FilterOp)) return null;
  return { field, op: op as FilterOp, value: rest.join(':') };
}

/** The value editor a filter needs: it follows the field's type. */
export type FilterInput = 'text' | 'number' | 'date' | 'boolean' | 'options' | 'record' | 'user' | 'none';

/** The comparisons that make sense for a field type, the most useful first. */
export function opsFor(field: EntityField | BuiltinColumn): FilterOp[] {
  if (field === 'number') return ['eq', 'gte', 'lte'];
  if (field === 'createdAt' || field === 'updatedAt') return ['gte', 'lte'];
  switch (field.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'email':
    case 'phone':
    case 'url':
      return ['contains', 'eq', 'empty'];
    case 'number':
    case 'money':
      return ['eq', 'gte', 'lte', 'gt', 'lt', 'empty'];
    case 'date':
    case 'datetime':
      return ['gte', 'lte', 'empty'];
    case 'boolean':
      return ['eq'];
    case 'enum':
      return ['in', 'ne', 'empty'];
    case 'relation':
      return field.many ? ['contains', 'empty'] : ['eq', 'empty'];
    case 'user':
      return field.multiple ? ['contains', 'empty'] : ['eq', 'empty'];
    case 'file':
    case 'table':
      return ['empty'];
  }
}

export function inputFor(field: EntityField | BuiltinColumn, op: FilterOp): FilterInput {
  if (op === 'empty') return 'boolean';
  if (field === 'number') return 'number';
  if (field === 'createdAt' || field === 'updatedAt') return 'date';
  switch (field.type) {
    case 'number':
    case 'money':
      return 'number';
    case 'date':
    case 'datetime':
      return 'date';
    case 'boolean':
      return 'boolean';
    case 'enum':
      return 'options';
    case 'relation':
      return 'record';
    case 'user':
      return 'user';
    case 'file':
    case 'table':
      return 'none';
    default:
      return 'text';
  }
}

/** The field (or built-in column) a filter is on, or null when the type no longer has it. */
export function filterTarget(entity: EntityBody, key: string): EntityField | BuiltinColumn | null {
  if ((builtinColumns as readonly string[]).includes(key)) return key as BuiltinColumn;
  return entity.fields.find((f) => f.key === key) ?? null;
}

/** A filter the API can run: on a known field, with an operator that suits it and a value where one is needed. */
export function isRunnable(entity: EntityBody, filter: FilterSpec): boolean {
  const target = filterTarget(entity, filter.field);
  if (!target || !opsFor(target).includes(filter.op)) return false;
  if (filter.op === 'empty') return filter.value === 'true' || filter.value === 'false';
  if (filter.value === '') return false;
  const input = inputFor(target, filter.op);
  if (input === 'number') return Number.isFinite(Number(filter.value));
  if (input === 'date') return !Number.isNaN(Date.parse(filter.value));
  return true;
}

/** A new filter on a field: its first operator, an empty value (or "is empty" where nothing else fits). */
export function newFilter(entity: EntityBody, key: string): FilterSpec | null {
  const target = filterTarget(entity, key);
  if (!target) return null;
  const op = opsFor(target)[0]!;
  return {
    field: key,
    op,
    value: op === 'empty' ? 'true' : target !== 'number' && inputFor(target, op) === 'boolean' ? 'true' : '',
  };
}
