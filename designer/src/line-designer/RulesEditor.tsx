import type { LineRule } from '@opora/runtime/definitions';
import { textConditionsMatch } from '@opora/runtime/lines';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moved, newRule, patched } from './line-draft';
import { blankCondition, ConditionInput, type ConditionKind, conditionKinds } from './RuleConditions';
import type { ChannelOption } from './use-published-channels';

/**
 * The line's routing rules as cards, in the order they are tried: add, remove, move up and down; each card lists its
 * conditions (all must hold) and offers the ones it does not have yet.
 */
export function RulesEditor({
  rules,
  onChange,
  problemAt,
  channels,
}: {
  rules: LineRule[];
  onChange: (rules: LineRule[]) => void;
  problemAt: (pointer: string) => string | undefined;
  channels: readonly ChannelOption[];
}) {
  const { t } = useTranslation();
  // A sample first message: the cards whose keywords or pattern take it say so, as the analyst types.
  const [sample, setSample] = useState('');
  const matching = sample.trim()
    ? rules.flatMap((rule, i) => (textConditionsMatch(rule, sample) ? [i + 1] : []))
    : [];
  const setRule = (index: number, rule: LineRule) => onChange(rules.map((r, i) => (i === index ? rule : r)));
  return (
    <div className="ld-field">
      <span className="label">{t('lineDesigner.rules')}</span>
      <span className="hint">{t('lineDesigner.rulesHint')}</span>
      {rules.length === 0 && <p className="muted ld-empty">{t('lineDesigner.noRules')}</p>}
      <ol className="ld-rules">
        {rules.map((rule, index) => {
          const at = `/rules/${index}`;
          const present = conditionKinds.filter((kind) => rule[kind] !== undefined);
          const absent = conditionKinds.filter((kind) => rule[kind] === undefined);
          const idProblem = problemAt(`${at}/id`);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: ids may repeat while being fixed (a problem shown here)
            <li key={`${rule.id}:${index}`} className="ld-rule" data-testid="line-rule">
              <div className="ld-rule-head">
                <strong>{t('lineDesigner.rule', { n: index + 1 })}</strong>
                {matching.includes(index + 1) && (
                  <span className="ld-match" data-testid="line-rule-match">
                    ✓ {t('lineDesigner.sampleMatches')}
                  </span>
                )}
                <span className="spacer" />
                <button
                  type="button"
                  className="btn ghost"
                  disabled={index === 0}
                  onClick={() => onChange(moved(rules, index, -1))}
                >
                  ↑ {t('lineDesigner.moveUp')}
                </button>
                <button
                  type="button"
                  className="btn ghost"
                  disabled={index === rules.length - 1}
                  onClick={() => onChange(moved(rules, index, 1))}
                >
                  ↓ {t('lineDesigner.moveDown')}
                </button>
                <button
                  type="button"
                  className="btn ghost danger"
                  data-testid="line-rule-remove"
                  onClick={() => onChange(rules.filter((_, i) => i !== index))}
                >
                  {t('lineDesigner.removeRule')}
                </button>
              </div>
              {idProblem && <span className="field-error">{idProblem}</span>}
              {present.length === 0 && <p className="muted ld-empty">{t('lineDesigner.emptyRule')}</p>}
              {present.map((kind) => (
                <div key={kind} className="ld-condition">
                  <ConditionInput
                    kind={kind}
                    rule={rule}
                    at={at}
                    set={(patch) => setRule(index, patched(rule, patch))}
                    problemAt={problemAt}
                    channels={channels}
                  />
                  <button
                    type="button"
                    className="btn ghost ld-condition-remove"
                    aria-label={`${t('lineDesigner.removeCondition')}: ${t(`lineDesigner.conditions.${kind}`)}`}
                    title={t('lineDesigner.removeCondition')}
                    onClick={() => setRule(index, patched(rule, { [kind]: undefined }))}
                  >
                    ×
                  </button>
                </div>
              ))}
              {absent.length > 0 && (
                <select
                  className="ld-add-condition"
                  data-testid="line-rule-add-condition"
                  aria-label={t('lineDesigner.addCondition')}
                  value=""
                  onChange={(e) =>
                    setRule(index, { ...rule, ...blankCondition(e.target.value as ConditionKind) })
                  }
                >
                  <option value="">{t('lineDesigner.addCondition')}</option>
                  {absent.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`lineDesigner.conditions.${kind}`)}
                    </option>
                  ))}
                </select>
              )}
            </li>
          );
        })}
      </ol>
      <div className="actions left">
        <button
          type="button"
          className="btn"
          data-testid="line-rule-add"
          onClick={() => onChange([...rules, newRule(rules)])}
        >
          + {t('lineDesigner.addRule')}
        </button>
      </div>
      {rules.length > 0 && (
        <label className="ld-field ld-sample">
          {t('lineDesigner.sample')}
          <input
            data-testid="line-rule-sample"
            value={sample}
            maxLength={1000}
            placeholder={t('lineDesigner.samplePlaceholder')}
            onChange={(e) => setSample(e.target.value)}
          />
          <span className="hint" role="status" data-testid="line-rule-sample-result">
            {!sample.trim()
              ? t('lineDesigner.sampleHint')
              : matching.length
                ? t('lineDesigner.sampleResult', { rules: matching.join(', ') })
                : t('lineDesigner.sampleNone')}
          </span>
        </label>
      )}
    </div>
  );
}
