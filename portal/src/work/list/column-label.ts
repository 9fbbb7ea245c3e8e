import type { TFunction } from 'i18next';
import { localText } from '../../lib/local-text';
import type { ListColumn } from './list-columns';

/** A column's header: the field's label, or the name of a built-in column. */
export const columnLabel = (column: ListColumn, t: TFunction, locale: string): string =>
  column.builtin ? t(`work.column.${column.key}`) : localText(column.field.label, locale);
