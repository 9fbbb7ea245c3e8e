import type { BotBody } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { TextField, TextsField } from './fields';

/** With nothing selected: the bot's own settings — its title, time zone and declared variables. */
export function BotProperties({
  body,
  onChange,
}: {
  body: BotBody;
  onChange: (edit: (body: BotBody) => BotBody, field?: string) => void;
}) {
  const { t } = useTranslation();
  const variables = body.variables ?? [];
  const setVariables = (next: BotBody['variables'], field?: string) =>
    onChange((b) => {
      const { variables: _, ...rest } = b;
      return next?.length ? { ...rest, variables: next } : rest;
    }, field);
  return (
    <section className="bd-props" data-testid="bd-bot-panel">
      <h3>{t('botDesigner.panel.bot')}</h3>
      <p className="muted">{t('botDesigner.panel.pick')}</p>
      <TextsField
        label={t('botDesigner.panel.title')}
        value={body.title}
        testId="bd-bot-title"
        onChange={(title) => onChange((b) => ({ ...b, title: title ?? { ru: '' } }), 'title')}
      />
      <TextField
        label={t('botDesigner.panel.timeZone')}
        value={body.timeZone ?? ''}
        placeholder="Europe/Moscow"
        testId="bd-bot-time-zone"
        code
        onChange={(timeZone) =>
          onChange((b) => {
            const { timeZone: _, ...rest } = b;
            return timeZone ? { ...rest, timeZone } : rest;
          }, 'timeZone')
        }
      />
      <fieldset className="bd-rows">
        <legend>{t('botDesigner.panel.variables')}</legend>
        <small className="muted">{t('botDesigner.panel.variablesHint')}</small>
        {variables.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: names change while typed; the row is its position
          <div className="bd-row" key={i}>
            <input
              spellCheck={false}
              aria-label={t('botDesigner.panel.variableName')}
              placeholder={t('botDesigner.panel.variableName')}
              value={v.name}
              maxLength={64}
              onChange={(e) =>
                setVariables(
                  variables.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)),
                  `variable:${i}`,
                )
              }
            />
            <input
              aria-label={t('botDesigner.panel.variableLabel')}
              placeholder={t('botDesigner.panel.variableLabel')}
              value={v.label?.ru ?? ''}
              maxLength={200}
              onChange={(e) =>
                setVariables(
                  variables.map((x, j) => {
                    if (j !== i) return x;
                    const { label: _, ...rest } = x;
                    return e.target.value ? { ...rest, label: { ru: e.target.value } } : rest;
                  }),
                  `variable-label:${i}`,
                )
              }
            />
            <button
              type="button"
              className="btn ghost"
              aria-label={t('botDesigner.panel.removeRow')}
              onClick={() => setVariables(variables.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn"
          disabled={variables.length >= 200}
          onClick={() => setVariables([...variables, { name: `var${variables.length + 1}` }])}
        >
          + {t('botDesigner.panel.addVariable')}
        </button>
      </fieldset>
    </section>
  );
}
