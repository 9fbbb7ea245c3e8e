import type { FormElement } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { localText } from '../lib/local-text';
import { FieldValue } from '../records/FieldValue';
import { useRenderContext } from './FormRenderer';
import { inputId } from './form-ui';
import { widgetFor } from './widgets/widgets';

const spans = { full: 12, half: 6, third: 4, quarter: 3 } as const;

/** One field: its label (with the required mark), the widget or the value, help text and problems. */
export function FieldRow({ element }: { element: Extract<FormElement, { type: 'field' }> }) {
  const { t, i18n } = useTranslation();
  const { model, snapshot, mode, entityKey } = useRenderContext();
  const compiled = model.compiled.byKey.get(element.field);
  if (!compiled) return null;
  const { field } = compiled;
  const id = inputId(element.id);
  const label = localText(element.label ?? field.label, i18n.language);
  const help = field.help ? localText(field.help, i18n.language) : null;
  const problems = snapshot.problems.byField[field.key] ?? [];
  const value = snapshot.state.values[field.key];
  const editable = mode === 'edit' && !compiled.locked;
  const required = editable && (field.required === true || compiled.requiredHere);
  const describedBy = [help && `${id}-help`, problems.length && `${id}-error`].filter(Boolean).join(' ');
  const Widget = widgetFor(field);
  return (
    <div
      className={`form-field span-${spans[element.width ?? 'full']}${problems.length ? ' has-error' : ''}`}
      data-field={field.key}
    >
      {editable ? (
        <label htmlFor={id} className="field-label">
          {label}
          {required && (
            <span className="required-mark" title={t('work.form.required')}>
              {' '}
              *
            </span>
          )}
        </label>
      ) : (
        <span className="field-label" id={`${id}-label`}>
          {label}
          {compiled.computed && mode === 'edit' && (
            <span className="muted"> · {t('work.form.computed')}</span>
          )}
        </span>
      )}
      {editable ? (
        <Widget
          field={field}
          value={value}
          onChange={(next) => model.setValue(field.key, next)}
          id={id}
          describedBy={describedBy || undefined}
          invalid={problems.length > 0}
          required={required}
          original={model.original?.[field.key]}
          entityKey={entityKey}
        />
      ) : (
        <div className="field-value" id={id} data-testid={`value-${field.key}`}>
          <FieldValue field={field} value={value} />
        </div>
      )}
      {help && editable && (
        <p className="field-help" id={`${id}-help`}>
          {help}
        </p>
      )}
      {problems.length > 0 && (
        <p className="field-error" id={`${id}-error`} data-testid={`error-${field.key}`}>
          {problems.join(' ')}
        </p>
      )}
    </div>
  );
}
