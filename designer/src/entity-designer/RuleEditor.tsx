import type { EntityBody, MigrationRule } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { Messages } from '../components/Messages';
import type { EditorProblem } from '../state/use-definition-draft';
import { ValueInput } from './DefaultValueInput';
import { type Body, withRule } from './entity-draft';
import { CheckInput } from './inputs';
import { removedOptions } from './migration-fixes';
import { messagesAt, problemsUnder } from './problems';

/** One migration rule in words and inputs: convert, the value to fill in, replacements of removed options. */
export function RuleEditor({
  rule,
  index,
  body,
  published,
  problems,
  idle,
  onChange,
}: {
  rule: MigrationRule;
  index: number;
  body: Body;
  published: EntityBody | null;
  problems: readonly EditorProblem[];
  /** Nothing for it to do on this publish (already applied, or no change to cover yet). */
  idle: boolean;
  onChange: (body: Body) => void;
}) {
  const { t, i18n } = useTranslation();
  const at = `/migrate/${index}`;
  const field = body.fields.find((f) => f.key === rule.field);
  const old = published?.fields.find((f) => f.key === rule.field);
  const label = field?.label ?? old?.label;
  const name = (label && ((i18n.language === 'en' ? label.en : undefined) || label.ru)) || rule.field;
  const update = (patch: Partial<MigrationRule>) => {
    const next = { ...rule, ...patch } as Record<string, unknown>;
    for (const key of Object.keys(patch)) if (next[key] === undefined) delete next[key];
    onChange(withRule(body, next as MigrationRule, rule.field));
  };
  const removed = removedOptions(published, field, rule.field);
  // `set` only fills a new or newly required field, or stands in for values convert cannot bring over.
  const options = field?.type === 'enum' ? field.options : [];
  return (
    <div className={idle ? 'ed-rule idle' : 'ed-rule'} data-testid={`rule-${rule.field}`}>
      <div className="ed-rule-head">
        <strong>{name}</strong> <code>{rule.field}</code>
        {idle && <span className="badge">{t('entityDesigner.rules.idle')}</span>}
        <span className="spacer" />
        <button
          type="button"
          className="btn ghost"
          aria-label={t('entityDesigner.rules.remove', { name })}
          onClick={() => onChange(withRule(body, null, rule.field))}
        >
          <Icon name="remove" />
        </button>
      </div>
      <Messages messages={messagesAt(problems, at)} />
      {rule.drop ? (
        <p>{t('entityDesigner.rules.drop')}</p>
      ) : (
        <>
          <CheckInput
            label={t('entityDesigner.rules.convert')}
            checked={rule.convert === true}
            problems={messagesAt(problems, `${at}/convert`)}
            onChange={(v) => update({ convert: v || undefined })}
          />
          {field && (!old || (field.required && !old.required) || rule.convert || rule.set !== undefined) && (
            <div className="ed-rule-set">
              <ValueInput
                field={field}
                label={t(rule.convert ? 'entityDesigner.rules.setFallback' : 'entityDesigner.rules.set')}
                testId={`rule-${rule.field}-set`}
                value={rule.set ?? undefined}
                problems={messagesAt(problems, `${at}/set`)}
                onChange={(v) => update({ set: v })}
              />
              {rule.convert && !field.required && (
                <CheckInput
                  label={t('entityDesigner.rules.clear')}
                  checked={rule.set === null}
                  onChange={(v) => update({ set: v ? null : undefined })}
                />
              )}
            </div>
          )}
          {removed.length > 0 && (
            <fieldset className="fieldset">
              <legend>{t('entityDesigner.rules.map')}</legend>
              {removed.map((value) => (
                <label key={value}>
                  {t('entityDesigner.rules.mapFrom', { value })}
                  <select
                    data-testid={`rule-${rule.field}-map-${value}`}
                    value={rule.map && Object.hasOwn(rule.map, value) ? (rule.map[value] ?? '') : '-'}
                    onChange={(e) => {
                      const map = { ...rule.map };
                      if (e.target.value === '-') delete map[value];
                      else map[value] = e.target.value || null;
                      update({ map: Object.keys(map).length ? map : undefined });
                    }}
                  >
                    <option value="-">{t('entityDesigner.rules.mapNone')}</option>
                    <option value="">{t('entityDesigner.rules.mapEmpty')}</option>
                    {options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label?.ru || o.value}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
              <Messages messages={problemsUnder(problems, `${at}/map`).map((p) => p.message)} />
            </fieldset>
          )}
        </>
      )}
    </div>
  );
}
