import { type BotBody, type BotTrigger, blockName } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { CheckField, DefinitionField, LinesField, NumberField, SelectField, TextField } from './fields';

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 200);

/** The selected trigger: where its chain starts and what fires it. */
export function TriggerProperties({
  body,
  trigger,
  problems,
  onChange,
  onRemove,
}: {
  body: BotBody;
  trigger: BotTrigger;
  problems: readonly string[];
  onChange: (next: BotTrigger, field?: string) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const optional = <K extends string>(key: K, value: unknown, field?: string) => {
    const next = { ...trigger } as Record<string, unknown>;
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete next[key];
    else next[key] = value;
    onChange(next as BotTrigger, field ?? key);
  };
  return (
    <section className="bd-props" data-testid="bd-trigger-panel">
      <h3>
        {t('botDesigner.panel.trigger')}: {t(`botDesigner.triggerTypes.${trigger.type}`)}
        <code>{trigger.id}</code>
      </h3>
      {problems.length > 0 && (
        <ul className="bd-panel-problems">
          {problems.map((p) => (
            <li key={p}>
              <Icon name="warn" size={13} /> {p}
            </li>
          ))}
        </ul>
      )}
      <label className="bd-field">
        <span>{t('botDesigner.panel.startsAt')}</span>
        <select
          value={trigger.next}
          data-testid="bd-trigger-next"
          onChange={(e) => onChange({ ...trigger, next: e.target.value })}
        >
          {!body.blocks.some((b) => b.id === trigger.next) && (
            <option value={trigger.next}>{t('botDesigner.panel.exitNone')}</option>
          )}
          {body.blocks.map((b) => (
            <option key={b.id} value={b.id}>
              {blockName(b, lang)}
            </option>
          ))}
        </select>
      </label>
      {trigger.type === 'keyword' && (
        <>
          <LinesField
            label={t('botDesigner.fields.keywords')}
            value={trigger.keywords ?? []}
            testId="bd-trigger-keywords"
            onChange={(keywords) => optional('keywords', keywords)}
          />
          <TextField
            label={t('botDesigner.fields.triggerPattern')}
            value={trigger.pattern ?? ''}
            testId="bd-trigger-pattern"
            code
            onChange={(pattern) => optional('pattern', pattern)}
          />
        </>
      )}
      {trigger.type === 'phrase' && (
        <>
          <LinesField
            label={t('botDesigner.fields.examples')}
            value={trigger.examples}
            testId="bd-trigger-examples"
            onChange={(examples) => onChange({ ...trigger, examples }, 'examples')}
          />
          <NumberField
            label={t('botDesigner.fields.threshold')}
            value={trigger.threshold}
            min={0.1}
            max={1}
            step={0.05}
            testId="bd-trigger-threshold"
            onChange={(threshold) => optional('threshold', threshold)}
          />
        </>
      )}
      {(trigger.type === 'keyword' || trigger.type === 'phrase') && (
        <CheckField
          label={t('botDesigner.fields.anytime')}
          value={trigger.anytime ?? false}
          testId="bd-trigger-anytime"
          onChange={(anytime) => optional('anytime', anytime || undefined)}
        />
      )}
      {trigger.type === 'button' && (
        <TextField
          label={t('botDesigner.fields.buttonId')}
          value={trigger.buttonId}
          testId="bd-trigger-button"
          code
          onChange={(buttonId) => onChange({ ...trigger, buttonId }, 'buttonId')}
        />
      )}
      {trigger.type === 'event' && (
        <>
          <SelectField
            label={t('botDesigner.fields.source')}
            value={trigger.source}
            testId="bd-trigger-source"
            options={(['recordStatus', 'processMessage'] as const).map((value) => ({
              value,
              label: t(`botDesigner.fields.sources.${value}`),
            }))}
            onChange={(source) => onChange({ id: trigger.id, type: 'event', next: trigger.next, source })}
          />
          {trigger.source === 'recordStatus' ? (
            <>
              <DefinitionField
                kind="entity"
                label={t('botDesigner.fields.entity')}
                value={trigger.entity ?? ''}
                testId="bd-trigger-entity"
                onChange={(entity) => optional('entity', entity)}
              />
              <TextField
                label={t('botDesigner.fields.status')}
                value={trigger.status ?? ''}
                testId="bd-trigger-status"
                code
                onChange={(status) => optional('status', status)}
              />
            </>
          ) : (
            <TextField
              label={t('botDesigner.fields.message')}
              value={trigger.message ?? ''}
              testId="bd-trigger-message"
              code
              onChange={(message) => optional('message', message)}
            />
          )}
        </>
      )}
      {trigger.type === 'jump' && (
        <TextField
          label={t('botDesigner.fields.jumpVariables')}
          value={(trigger.variables ?? []).join(', ')}
          testId="bd-trigger-variables"
          code
          onChange={(text) => optional('variables', list(text))}
        />
      )}
      {trigger.type === 'noReply' && (
        <NumberField
          label={t('botDesigner.fields.noReplySeconds')}
          value={trigger.seconds}
          min={0}
          testId="bd-trigger-seconds"
          onChange={(seconds) =>
            onChange({ ...trigger, seconds: Math.max(0, Math.round(seconds ?? 0)) }, 'seconds')
          }
        />
      )}
      {trigger.type === 'schedule' && (
        <>
          <TextField
            label={t('botDesigner.fields.time')}
            value={trigger.time}
            testId="bd-trigger-time"
            code
            onChange={(time) => onChange({ ...trigger, time }, 'time')}
          />
          <fieldset className="bd-days">
            <legend>{t('botDesigner.fields.days')}</legend>
            {[1, 2, 3, 4, 5, 6, 7].map((day) => (
              <label key={day} className="bd-check">
                <input
                  type="checkbox"
                  checked={trigger.days?.includes(day) ?? true}
                  onChange={(e) => {
                    const days = new Set(trigger.days ?? [1, 2, 3, 4, 5, 6, 7]);
                    if (e.target.checked) days.add(day);
                    else days.delete(day);
                    const sorted = [...days].sort();
                    optional('days', sorted.length === 7 ? undefined : sorted.length ? sorted : [day]);
                  }}
                />
                {t(`botDesigner.fields.dayNames.d${day}`)}
              </label>
            ))}
          </fieldset>
        </>
      )}
      <button type="button" className="btn danger" data-testid="bd-remove-trigger" onClick={onRemove}>
        <Icon name="trash" size={14} /> {t('botDesigner.panel.removeTrigger')}
      </button>
    </section>
  );
}
