import type { EntityField } from '@opora/runtime/definitions';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { localText } from '../../lib/local-text';
import { scalarWidgets } from './scalar-widgets';
import type { FieldOf, WidgetProps } from './widget-props';

type Row = Record<string, unknown>;

const rowsOf = (value: unknown): Row[] =>
  Array.isArray(value) ? value.filter((r): r is Row => typeof r === 'object' && r !== null) : [];

/** Rows of sub-fields (order lines, contacts…): each cell edited with its column's widget; rows added and removed. */
export function TableWidget(props: WidgetProps<FieldOf<'table'>>) {
  const { t, i18n } = useTranslation();
  const { field, value, onChange, id } = props;
  const rows = rowsOf(value);
  const set = (next: Row[]) => onChange(next.length ? next : undefined);
  const change = (index: number, key: string, cell: unknown) =>
    set(
      rows.map((row, i) => {
        if (i !== index) return row;
        const next = { ...row };
        if (cell === undefined) delete next[key];
        else next[key] = cell;
        return next;
      }),
    );
  return (
    <div className="table-input" id={id} aria-describedby={props.describedBy}>
      {rows.length > 0 && (
        <table className="rows-table">
          <thead className="rows-head">
            <tr>
              {field.columns.map((c) => (
                <th key={c.key} scope="col">
                  {localText(c.label, i18n.language)}
                  {c.required && <span className="required-mark"> *</span>}
                </th>
              ))}
              <th aria-label={t('work.table.actions')} />
            </tr>
          </thead>
          <tbody className="rows-body">
            {rows.map((row, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
              <tr key={index} className="rows-row">
                {field.columns.map((column) => {
                  const Widget = scalarWidgets[column.type] as ComponentType<WidgetProps<EntityField>>;
                  const label = localText(column.label, i18n.language);
                  return (
                    <td key={column.key} data-label={label} className="rows-cell">
                      <Widget
                        field={column}
                        value={row[column.key]}
                        onChange={(cell) => change(index, column.key, cell)}
                        id={`${id}-${index}-${column.key}`}
                        label={`${label}, ${t('work.table.row', { n: index + 1 })}`}
                        describedBy={undefined}
                        invalid={false}
                        required={column.required === true}
                        original={undefined}
                        entityKey={props.entityKey}
                      />
                    </td>
                  );
                })}
                <td className="rows-cell">
                  <button
                    type="button"
                    className="btn ghost"
                    aria-label={t('work.table.removeRow', { n: index + 1 })}
                    onClick={() => set(rows.filter((_, i) => i !== index))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" className="btn" onClick={() => set([...rows, {}])}>
        + {t('work.table.addRow')}
      </button>
    </div>
  );
}
