import type { EntityField } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { StatusBadge } from '../components/StatusBadge';
import { client } from '../lib/api';
import { localText } from '../lib/local-text';
import { type FormatContext, formatValue, isEmptyValue } from './format-value';
import { cardPath } from './record-paths';
import { useValueFormatContext } from './use-format-context';

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** A field's value shown read-only, as people expect it: badges, links to linked records, files to download. */
export function FieldValue({ field, value }: { field: EntityField; value: unknown }) {
  const { i18n } = useTranslation();
  const ctx = useValueFormatContext(field, value);
  if (isEmptyValue(value)) return <span className="muted">—</span>;
  switch (field.type) {
    case 'enum': {
      const option = field.options.find((o) => o.value === value);
      const text = localText(option?.label, i18n.language) || String(value);
      return option?.color ? <StatusBadge label={text} color={option.color} /> : <span>{text}</span>;
    }
    case 'relation':
      return (
        <span className="value-list">
          {list(value).map((id) => (
            <Link key={String(id)} to={cardPath(field.entity, String(id))}>
              {ctx.names.get(String(id)) ?? '…'}
            </Link>
          ))}
        </span>
      );
    case 'file':
      return (
        <span className="value-list">
          {list(value).map((f) => {
            const ref = f as { id: string; name: string };
            return (
              <a key={ref.id} href={client.fileUrl(ref.id)} target="_blank" rel="noreferrer">
                {ref.name}
              </a>
            );
          })}
        </span>
      );
    case 'url':
      return (
        <a href={String(value)} target="_blank" rel="noreferrer noopener">
          {String(value)}
        </a>
      );
    case 'email':
      return <a href={`mailto:${String(value)}`}>{String(value)}</a>;
    case 'phone':
      return <a href={`tel:${String(value).replace(/[^+0-9]/g, '')}`}>{String(value)}</a>;
    case 'text':
    case 'richtext':
      return <span className="long-text">{formatLong(field, value, ctx)}</span>;
    case 'table':
      return <TableValue field={field} value={value} ctx={ctx} />;
    default:
      return <span>{formatValue(field, value, ctx)}</span>;
  }
}

const formatLong = (field: EntityField, value: unknown, ctx: FormatContext) =>
  field.type === 'richtext' ? formatValue(field, value, ctx) : String(value);

function TableValue({
  field,
  value,
  ctx,
}: {
  field: Extract<EntityField, { type: 'table' }>;
  value: unknown;
  ctx: FormatContext;
}) {
  const { i18n } = useTranslation();
  const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  return (
    <table className="table-value">
      <thead>
        <tr>
          {field.columns.map((c) => (
            <th key={c.key} scope="col">
              {localText(c.label, i18n.language)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
          <tr key={i}>
            {field.columns.map((c) => (
              <td key={c.key} data-label={localText(c.label, i18n.language)}>
                {formatValue(c, row[c.key], ctx)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
