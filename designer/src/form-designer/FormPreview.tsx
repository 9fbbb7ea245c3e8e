import type { EntityBody, EntityField, FormBody, FormElement } from '@opora/runtime/definitions';
import { type CompiledForm, compileForm, evaluateForm, FormDesignError } from '@opora/runtime/forms';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { elementLabel, fieldOf, pickText } from './labels';

const clock = () => ({ now: new Date(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });

/**
 * The form as people will fill it, at a desktop or phone width, with the same runtime as the real screens:
 * type into it to try conditions and computed values before publishing.
 */
export function FormPreview({ entity, body, width }: { entity: EntityBody; body: FormBody; width: number }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, unknown>>({});
  const compiled = useMemo((): CompiledForm | string => {
    try {
      return compileForm(entity, body);
    } catch (error) {
      return error instanceof FormDesignError
        ? error.problems.map((p) => p.message).join('; ')
        : String(error);
    }
  }, [entity, body]);
  if (typeof compiled === 'string')
    return <div className="banner warn">{t('formDesigner.previewBroken', { problem: compiled })}</div>;
  const state = evaluateForm(compiled, values, clock());
  const set = (key: string, value: unknown) =>
    setValues((v) => ({ ...v, [key]: value === '' ? undefined : value }));
  return (
    <div
      className={width < 600 ? 'fd-preview-frame narrow' : 'fd-preview-frame'}
      style={{ width }}
      data-testid="fd-preview"
    >
      <PreviewChildren
        items={body.layout}
        entity={entity}
        visible={state.visible}
        values={state.values}
        onValue={set}
        narrow={width < 600}
      />
    </div>
  );
}

interface PreviewProps {
  entity: EntityBody;
  visible: Set<string>;
  values: Record<string, unknown>;
  onValue: (key: string, value: unknown) => void;
  /** A phone width: columns stack, as they do on the real screens. */
  narrow: boolean;
}

function PreviewChildren({ items, ...props }: PreviewProps & { items: FormElement[] }) {
  return (
    <div className="fd-preview-children">
      {items.map((element) => (
        <PreviewElement key={element.id} element={element} {...props} />
      ))}
    </div>
  );
}

function PreviewElement({ element, ...props }: PreviewProps & { element: FormElement }) {
  const { t, i18n } = useTranslation();
  const [tab, setTab] = useState(0);
  if ((element.type === 'field' || element.type === 'block') && !props.visible.has(element.id)) return null;
  switch (element.type) {
    case 'field': {
      if (element.hidden) return null;
      const field = fieldOf(props.entity, element.field);
      if (!field) return null;
      return (
        <div className={`fd-preview-field fd-w-${element.width ?? 'full'}`}>
          <PreviewInput
            field={field}
            label={elementLabel(element, props.entity, i18n.language, t)}
            required={Boolean(field.required || element.required)}
            readOnly={Boolean(element.readOnly || element.computed)}
            value={props.values[field.key]}
            onValue={(v) => props.onValue(field.key, v)}
          />
        </div>
      );
    }
    case 'block':
      return (
        <fieldset className="fieldset">
          {element.title && <legend>{pickText(element.title, i18n.language)}</legend>}
          <PreviewChildren items={element.children as FormElement[]} {...props} />
        </fieldset>
      );
    case 'columns':
      return (
        <div
          className="fd-preview-columns"
          style={
            props.narrow
              ? undefined
              : { gridTemplateColumns: element.columns.map((c) => `minmax(0, ${c.width ?? 1}fr)`).join(' ') }
          }
        >
          {element.columns.map((c) => (
            <PreviewChildren key={c.id} items={c.children as FormElement[]} {...props} />
          ))}
        </div>
      );
    case 'tabs': {
      const shown = element.tabs.filter((item) => props.visible.has(item.id));
      const current = shown[Math.min(tab, shown.length - 1)];
      return (
        <div>
          <div className="tabs" role="tablist">
            {shown.map((item, i) => (
              <button
                key={item.id}
                type="button"
                role="tab"
                aria-selected={item === current}
                className={item === current ? 'tab active' : 'tab'}
                onClick={() => setTab(i)}
              >
                {pickText(item.title, i18n.language)}
              </button>
            ))}
          </div>
          {current && <PreviewChildren items={current.children as FormElement[]} {...props} />}
        </div>
      );
    }
    case 'heading': {
      const Tag = `h${element.level ?? 3}` as 'h3';
      return <Tag>{pickText(element.text, i18n.language)}</Tag>;
    }
    case 'text':
      return <p className="muted">{pickText(element.text, i18n.language)}</p>;
    case 'divider':
      return <hr />;
    case 'related':
      return (
        <div className="fd-preview-related">
          <strong>{elementLabel(element, props.entity, i18n.language, t)}</strong>
          <p className="hint">{t('formDesigner.relatedPreview')}</p>
        </div>
      );
  }
}

function PreviewInput({
  field,
  label,
  required,
  readOnly,
  value,
  onValue,
}: {
  field: EntityField;
  label: string;
  required: boolean;
  readOnly: boolean;
  value: unknown;
  onValue: (value: unknown) => void;
}) {
  const { i18n } = useTranslation();
  const text = value === undefined || value === null ? '' : String(value);
  const caption = (
    <span>
      {label}
      {required && <span className="required-mark"> *</span>}
    </span>
  );
  if (field.type === 'boolean')
    return (
      <label className="check">
        <input
          type="checkbox"
          checked={value === true}
          disabled={readOnly}
          onChange={(e) => onValue(e.target.checked)}
        />
        {caption}
      </label>
    );
  if (field.type === 'enum')
    return (
      <label>
        {caption}
        <select value={text} disabled={readOnly} onChange={(e) => onValue(e.target.value)}>
          <option value="" />
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {pickText(o.label, i18n.language)}
            </option>
          ))}
        </select>
      </label>
    );
  if (field.type === 'text' || field.type === 'richtext')
    return (
      <label>
        {caption}
        <textarea rows={3} value={text} readOnly={readOnly} onChange={(e) => onValue(e.target.value)} />
      </label>
    );
  const numeric = field.type === 'number' || field.type === 'money';
  const inputType = numeric
    ? 'number'
    : field.type === 'date'
      ? 'date'
      : field.type === 'datetime'
        ? 'datetime-local'
        : field.type === 'email'
          ? 'email'
          : 'text';
  return (
    <label>
      {caption}
      <input
        type={inputType}
        value={text}
        readOnly={readOnly}
        onChange={(e) =>
          onValue(numeric ? (e.target.value === '' ? '' : Number(e.target.value)) : e.target.value)
        }
      />
    </label>
  );
}
