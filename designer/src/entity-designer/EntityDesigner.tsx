import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import type { EditorProblem } from '../state/use-definition-draft';
import { AccessPanel } from './AccessPanel';
import { AddFieldMenu } from './AddFieldMenu';
import { EvolutionPanel } from './EvolutionPanel';
import {
  duplicateAt,
  type Field,
  fieldTypes,
  move,
  newField,
  readEntity,
  removeField,
  renameKey,
  replaceAt,
} from './entity-draft';
import { FieldList } from './FieldList';
import { FieldProperties } from './FieldProperties';
import { problemsUnder } from './problems';
import { TypeSettings } from './TypeSettings';
import { usePublishedBody } from './use-published-body';
import './entity-designer.css';
import './i18n';

/**
 * The data type designer (the "Fields" tab): the type's names, its fields in order, the selected field's
 * properties, who may do what with its records, and what the draft changes for records that already exist. Every edit is written back to the
 * draft body, so saving, publishing, the JSON tab and the server's messages work as for every kind.
 */
export function EntityDesigner({
  body: raw,
  problems,
  definitionId,
  latestVersion,
  onChange,
}: {
  body: Record<string, unknown>;
  problems: EditorProblem[];
  definitionId: string;
  latestVersion: number | null;
  onChange: (body: Record<string, unknown>) => void;
}) {
  const { t } = useTranslation();
  const body = readEntity(raw);
  const published = usePublishedBody(definitionId, latestVersion);
  const [selected, setSelected] = useState(0);
  const [removing, setRemoving] = useState<number | null>(null);
  const fields = body.fields;
  const current = Math.max(0, Math.min(selected, fields.length - 1));
  const field = fields[current];
  const publishedField = (f: Field | undefined) => f && published?.fields.find((p) => p.key === f.key);

  const setFields = (next: Field[]) => onChange({ ...body, fields: next });
  const changeField = (index: number, next: Field) => {
    const renamed = fields[index]!.key !== next.key ? renameKey(body, index, next.key) : body;
    onChange({ ...renamed, fields: replaceAt(renamed.fields, index, next) });
  };
  const add = (type: Field['type']) => {
    const label = t('entityDesigner.fields.newLabel', { type: t(`entityDesigner.types.${type}`) });
    const option = t('entityDesigner.options.newLabel', { n: 1 });
    setFields([
      ...fields,
      newField(
        type,
        label,
        fields.map((f) => f.key),
        option,
      ),
    ]);
    setSelected(fields.length);
  };
  const removingField = removing === null ? undefined : fields[removing];

  return (
    <div className="entity-designer" data-testid="entity-designer">
      <TypeSettings body={body} problems={problems} onChange={onChange} />
      <EvolutionPanel body={body} published={published} problems={problems} onChange={onChange} />
      <div className="ed-grid">
        <section className="card ed-fields" aria-labelledby="ed-fields-title">
          <div className="ed-section-head">
            <h2 id="ed-fields-title">{t('entityDesigner.fields.title')}</h2>
            <AddFieldMenu types={fieldTypes} label={t('entityDesigner.fields.add')} onAdd={add} />
          </div>
          {problemsUnder(problems, '/fields')
            .filter((p) => p.pointer === '/fields' && p.source !== 'server')
            .map((p) => (
              <span key={p.message} className="field-error">
                {p.message}
              </span>
            ))}
          <FieldList
            fields={fields}
            selected={current}
            onSelect={setSelected}
            onMove={(i, delta) => {
              setFields(move(fields, i, delta));
              setSelected(i + delta);
            }}
            onDuplicate={(i) => {
              setFields(duplicateAt(fields, i, t('entityDesigner.fields.copySuffix')));
              setSelected(i + 1);
            }}
            onRemove={setRemoving}
            hasProblems={(i) => problemsUnder(problems, `/fields/${i}`).length > 0}
          />
        </section>
        <section className="card ed-properties" aria-labelledby="ed-props-title">
          <h2 id="ed-props-title">
            {field
              ? t('entityDesigner.props.title', { name: field.label?.ru || field.key })
              : t('entityDesigner.props.none')}
          </h2>
          {field && (
            <FieldProperties
              // A fresh panel per field: local state (pattern sample, open menus) belongs to one field.
              key={current}
              field={field}
              pointer={`/fields/${current}`}
              problems={problems}
              published={publishedField(field)}
              takenKeys={fields.filter((_, i) => i !== current).map((f) => f.key)}
              onChange={(next) => changeField(current, next)}
            />
          )}
        </section>
      </div>
      <AccessPanel body={body} problems={problems} onChange={onChange} />
      {removing !== null && removingField && (
        <ConfirmDialog
          title={t('entityDesigner.fields.removeTitle')}
          text={t(
            publishedField(removingField)
              ? 'entityDesigner.fields.removePublished'
              : 'entityDesigner.fields.removeText',
            {
              name: removingField.label?.ru || removingField.key,
            },
          )}
          confirmLabel={t('entityDesigner.fields.removeConfirm')}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            onChange(removeField(body, removing));
            setSelected(Math.max(0, removing - 1));
            setRemoving(null);
          }}
        />
      )}
    </div>
  );
}
