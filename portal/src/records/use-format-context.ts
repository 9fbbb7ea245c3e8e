import type { EntityField } from '@opora/runtime/definitions';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormatContext, referencedIds } from './format-value';
import { useNames } from './name-cache';

/** Words and names formatting needs; loads the names of the records and people the rows refer to. */
export function useFormatContext(
  fields: readonly EntityField[],
  rows: readonly Record<string, unknown>[],
): FormatContext {
  const { t, i18n } = useTranslation();
  const { records, users } = useMemo(() => referencedIds(fields, rows), [fields, rows]);
  const names = useNames(records, users);
  return {
    locale: i18n.language,
    yes: t('work.value.yes'),
    no: t('work.value.no'),
    rows: (count) => t('work.value.rows', { count }),
    names,
  };
}

/** The same for one value of one field. */
export function useValueFormatContext(field: EntityField, value: unknown): FormatContext {
  const fields = useMemo(() => [field], [field]);
  const rows = useMemo(() => [{ [field.key]: value }], [field.key, value]);
  return useFormatContext(fields, rows);
}
