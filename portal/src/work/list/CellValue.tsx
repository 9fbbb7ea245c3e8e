import type { EntityField } from '@opora/runtime/definitions';
import type { RecordItem } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/StatusBadge';
import { localText } from '../../lib/local-text';
import { type FormatContext, formatMoment, formatValue } from '../../records/format-value';
import type { ListColumn } from './list-columns';

/** One cell of a record list: text, or the option's coloured badge. */
export function CellValue({
  column,
  record,
  ctx,
}: {
  column: ListColumn;
  record: RecordItem;
  ctx: FormatContext;
}) {
  const { t, i18n } = useTranslation();
  if (column.builtin) {
    if (column.key === 'number')
      return <span className="num">{t('work.number', { number: record.number })}</span>;
    return <span className="when">{formatMoment(record[column.key], i18n.language)}</span>;
  }
  const value = record.data[column.key];
  const field: EntityField = column.field;
  if (field.type === 'enum') {
    const option = field.options.find((o) => o.value === value);
    if (option?.color)
      return <StatusBadge label={localText(option.label, i18n.language)} color={option.color} />;
  }
  const text = formatValue(field, value, ctx);
  // Nothing at all for an empty value: phones hide empty cells instead of showing a label with no value.
  return text ? <span className="cell-text">{text}</span> : null;
}
