import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Messages } from '../components/Messages';
import type { EditorProblem } from '../state/use-definition-draft';
import { AddFieldMenu } from './AddFieldMenu';
import { columnTypes, duplicateAt, type Field, move, newField, replaceAt } from './entity-draft';
import { FieldList } from './FieldList';
import { FieldProperties } from './FieldProperties';
import { messagesAt, problemsUnder } from './problems';

type TableField = Extract<Field, { type: 'table' }>;

/** The columns of a table field: the same list and properties as fields, scalar types only. */
export function TableColumnsEditor({
  field,
  pointer,
  problems,
  published,
  onChange,
}: {
  field: TableField;
  pointer: string;
  problems: readonly EditorProblem[];
  published: Field | undefined;
  onChange: (field: TableField) => void;
}) {
  const { t } = useTranslation();
  const columns = (field.columns ?? []) as Field[];
  const [selected, setSelected] = useState(0);
  const [removing, setRemoving] = useState<number | null>(null);
  const current = Math.min(selected, columns.length - 1);
  const setColumns = (next: Field[]) => onChange({ ...field, columns: next as TableField['columns'] });
  const publishedColumns = published?.type === 'table' ? (published.columns as Field[]) : [];
  const column = columns[current];
  return (
    <fieldset className="fieldset ed-columns" data-testid="table-columns">
      <legend>{t('entityDesigner.columns.title')}</legend>
      <Messages messages={messagesAt(problems, `${pointer}/columns`)} />
      <FieldList
        fields={columns}
        selected={current}
        testIdPrefix="column"
        onSelect={setSelected}
        onMove={(i, delta) => {
          setColumns(move(columns, i, delta));
          setSelected(i + delta);
        }}
        onDuplicate={(i) => {
          setColumns(duplicateAt(columns, i, t('entityDesigner.fields.copySuffix')));
          setSelected(i + 1);
        }}
        onRemove={setRemoving}
        hasProblems={(i) => problemsUnder(problems, `${pointer}/columns/${i}`).length > 0}
      />
      <AddFieldMenu
        types={columnTypes}
        label={t('entityDesigner.columns.add')}
        testId="add-column"
        onAdd={(type) => {
          const label = t('entityDesigner.columns.newLabel', { n: columns.length + 1 });
          setColumns([
            ...columns,
            newField(
              type,
              label,
              columns.map((c) => c.key),
              t('entityDesigner.options.newLabel', { n: 1 }),
            ),
          ]);
          setSelected(columns.length);
        }}
      />
      {removing !== null && columns[removing] && (
        <ConfirmDialog
          title={t('entityDesigner.columns.removeTitle')}
          text={t('entityDesigner.columns.removeText', {
            name: columns[removing].label?.ru || columns[removing].key,
          })}
          confirmLabel={t('entityDesigner.fields.removeConfirm')}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            setColumns(columns.filter((_, j) => j !== removing));
            setRemoving(null);
          }}
        />
      )}
      {column && (
        <div className="ed-column-props">
          <FieldProperties
            field={column}
            pointer={`${pointer}/columns/${current}`}
            problems={problems}
            published={publishedColumns.find((c) => c.key === column.key)}
            takenKeys={columns.filter((_, i) => i !== current).map((c) => c.key)}
            column
            onChange={(next) => setColumns(replaceAt(columns, current, next))}
          />
        </div>
      )}
    </fieldset>
  );
}
