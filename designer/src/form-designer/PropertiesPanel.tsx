import type { EntityBody, FormElement } from '@opora/runtime/definitions';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ExpressionInput } from './ExpressionInput';
import { fieldOf } from './labels';

type LText = { ru: string; en?: string };
type Patch = Partial<FormElement> & Record<string, unknown>;

/** The selected element's settings; every change is one undoable step. */
export function PropertiesPanel({
  element,
  entity,
  onChange,
  onRemove,
  onMove,
  moveTargets,
  children,
}: {
  element: FormElement | undefined;
  entity: EntityBody;
  onChange: (patch: Patch) => void;
  onRemove: () => void;
  onMove: (direction: -1 | 1) => void;
  moveTargets: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  if (!element)
    return (
      <aside className="fd-properties" aria-label={t('formDesigner.properties')}>
        <p className="hint">{t('formDesigner.selectHint')}</p>
        {children}
      </aside>
    );
  return (
    <aside className="fd-properties" aria-label={t('formDesigner.properties')} data-testid="fd-properties">
      <h3>{t(`formDesigner.kind.${element.type}`)}</h3>
      <div className="toolbar">
        <button
          type="button"
          className="btn"
          onClick={() => onMove(-1)}
          aria-label={t('formDesigner.moveUp')}
        >
          ↑
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => onMove(1)}
          aria-label={t('formDesigner.moveDown')}
        >
          ↓
        </button>
        {moveTargets}
        <button type="button" className="btn danger" data-testid="fd-remove" onClick={onRemove}>
          {t('formDesigner.remove')}
        </button>
      </div>
      <ElementProperties element={element} entity={entity} onChange={onChange} />
    </aside>
  );
}

function ElementProperties({
  element,
  entity,
  onChange,
}: {
  element: FormElement;
  entity: EntityBody;
  onChange: (patch: Patch) => void;
}) {
  const { t } = useTranslation();
  switch (element.type) {
    case 'field': {
      const field = fieldOf(entity, element.field);
      return (
        <div className="form">
          <p className="muted">
            {t('formDesigner.fieldKey')}: <code>{element.field}</code>
            {!field && <span className="field-error"> {t('formDesigner.fieldMissing')}</span>}
          </p>
          <TextPair
            label={t('formDesigner.labelOverride')}
            value={element.label}
            onChange={(label) => onChange({ label })}
          />
          <label>
            {t('formDesigner.width')}
            <select
              value={element.width ?? 'full'}
              onChange={(e) =>
                onChange({ width: e.target.value === 'full' ? undefined : e.target.value } as Patch)
              }
            >
              {(['full', 'half', 'third', 'quarter'] as const).map((w) => (
                <option key={w} value={w}>
                  {t(`formDesigner.widths.${w}`)}
                </option>
              ))}
            </select>
          </label>
          <Check
            label={t('formDesigner.required')}
            checked={Boolean(element.required)}
            onChange={(required) => onChange({ required: required || undefined })}
          />
          <Check
            label={t('formDesigner.readOnly')}
            checked={Boolean(element.readOnly)}
            onChange={(readOnly) => onChange({ readOnly: readOnly || undefined })}
          />
          <Check
            label={t('formDesigner.hidden')}
            checked={Boolean(element.hidden)}
            onChange={(hidden) => onChange({ hidden: hidden || undefined })}
          />
          <ExpressionInput
            label={t('formDesigner.visibleIf')}
            hint={t('formDesigner.visibleIfHint')}
            value={element.visibleIf}
            entity={entity}
            testId="fd-visible-if"
            onChange={(visibleIf) => onChange({ visibleIf })}
          />
          <ExpressionInput
            label={t('formDesigner.computed')}
            hint={t('formDesigner.computedHint')}
            value={element.computed}
            entity={entity}
            testId="fd-computed"
            onChange={(computed) => onChange({ computed })}
          />
        </div>
      );
    }
    case 'block':
      return (
        <div className="form">
          <TextPair
            label={t('formDesigner.title')}
            value={element.title}
            onChange={(title) => onChange({ title })}
          />
          <Check
            label={t('formDesigner.collapsible')}
            checked={Boolean(element.collapsible)}
            onChange={(collapsible) => onChange({ collapsible: collapsible || undefined })}
          />
          <ExpressionInput
            label={t('formDesigner.visibleIf')}
            hint={t('formDesigner.visibleIfHint')}
            value={element.visibleIf}
            entity={entity}
            onChange={(visibleIf) => onChange({ visibleIf })}
          />
        </div>
      );
    case 'columns':
      return <ColumnsProperties element={element} onChange={onChange} />;
    case 'tabs':
      return <TabsProperties element={element} entity={entity} onChange={onChange} />;
    case 'heading':
      return (
        <div className="form">
          <TextPair
            label={t('formDesigner.text')}
            value={element.text}
            onChange={(text) => onChange({ text })}
          />
          <label>
            {t('formDesigner.level')}
            <select
              value={element.level ?? 3}
              onChange={(e) => onChange({ level: Number(e.target.value) } as Patch)}
            >
              {[2, 3, 4].map((level) => (
                <option key={level} value={level}>
                  H{level}
                </option>
              ))}
            </select>
          </label>
        </div>
      );
    case 'related':
      return (
        <div className="form">
          <p className="muted">
            {t('formDesigner.relatedSource', { entity: element.entity, field: element.field })}
          </p>
          <TextPair
            label={t('formDesigner.title')}
            value={element.title}
            onChange={(title) => onChange({ title })}
          />
          <label>
            {t('formDesigner.relatedLimit')}
            <input
              type="number"
              min={1}
              max={50}
              value={element.limit ?? 10}
              onChange={(e) =>
                onChange({ limit: Math.max(1, Math.min(50, Number(e.target.value) || 10)) } as Patch)
              }
            />
          </label>
        </div>
      );
    case 'text':
      return (
        <div className="form">
          <TextPair
            label={t('formDesigner.text')}
            value={element.text}
            multiline
            onChange={(text) => onChange({ text })}
          />
        </div>
      );
    default:
      return null;
  }
}

function ColumnsProperties({
  element,
  onChange,
}: {
  element: Extract<FormElement, { type: 'columns' }>;
  onChange: (patch: Patch) => void;
}) {
  const { t } = useTranslation();
  const setWidth = (index: number, width: number) =>
    onChange({ columns: element.columns.map((c, i) => (i === index ? { ...c, width } : c)) } as Patch);
  return (
    <div className="form">
      {element.columns.map((column, i) => (
        <label key={column.id}>
          {t('formDesigner.columnWidth', { n: i + 1 })}
          <input
            type="number"
            min={1}
            max={12}
            value={column.width ?? 1}
            onChange={(e) => setWidth(i, Math.max(1, Math.min(12, Number(e.target.value) || 1)))}
          />
        </label>
      ))}
      <p className="hint">{t('formDesigner.columnsHint')}</p>
    </div>
  );
}

function TabsProperties({
  element,
  entity,
  onChange,
}: {
  element: Extract<FormElement, { type: 'tabs' }>;
  entity: EntityBody;
  onChange: (patch: Patch) => void;
}) {
  const { t } = useTranslation();
  const setTab = (index: number, patch: Record<string, unknown>) =>
    onChange({
      tabs: element.tabs.map((tab, i) =>
        i === index
          ? (Object.fromEntries(
              Object.entries({ ...tab, ...patch }).filter(([, v]) => v !== undefined),
            ) as typeof tab)
          : tab,
      ),
    } as Patch);
  return (
    <div className="form">
      {element.tabs.map((tab, i) => (
        <fieldset key={tab.id} className="fieldset">
          <legend>{t('formDesigner.tabN', { n: i + 1 })}</legend>
          <TextPair
            label={t('formDesigner.title')}
            value={tab.title}
            onChange={(title) => setTab(i, { title })}
          />
          <ExpressionInput
            label={t('formDesigner.visibleIf')}
            hint={t('formDesigner.visibleIfHint')}
            value={tab.visibleIf}
            entity={entity}
            onChange={(visibleIf) => setTab(i, { visibleIf })}
          />
        </fieldset>
      ))}
    </div>
  );
}

function TextPair({
  label,
  value,
  onChange,
  multiline,
}: {
  label: string;
  value: LText | undefined;
  onChange: (value: LText | undefined) => void;
  multiline?: boolean;
}) {
  const set = (lang: 'ru' | 'en', text: string) => {
    const next = { ru: value?.ru ?? '', ...(value?.en ? { en: value.en } : {}), [lang]: text };
    if (!next.en) delete (next as { en?: string }).en;
    onChange(next.ru || next.en ? (next as LText) : undefined);
  };
  const one = (lang: 'ru' | 'en') =>
    multiline ? (
      <label key={lang}>
        {lang.toUpperCase()}
        <textarea rows={3} value={value?.[lang] ?? ''} onChange={(e) => set(lang, e.target.value)} />
      </label>
    ) : (
      <label key={lang}>
        {lang.toUpperCase()}
        <input value={value?.[lang] ?? ''} onChange={(e) => set(lang, e.target.value)} />
      </label>
    );
  return (
    <div className="fd-text-pair">
      <span className="label">{label}</span>
      {one('ru')}
      {one('en')}
    </div>
  );
}

function Check({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}
