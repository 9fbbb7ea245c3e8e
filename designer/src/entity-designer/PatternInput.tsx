import { fieldValueFits, patternProblem } from '@opora/runtime/definitions';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Messages } from '../components/Messages';

/**
 * The pattern of a string field, checked as it is typed with the same RE2 engine the server and forms use
 * (no backreferences or lookaround), and tried on a sample value.
 */
export function PatternInput({
  value,
  onChange,
  problems,
}: {
  value: string | undefined;
  onChange: (pattern: string | undefined) => void;
  problems: readonly string[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const [sample, setSample] = useState('');
  const problem = useMemo(() => (value ? patternProblem(value) : null), [value]);
  const matches = useMemo(() => {
    if (!value || problem || !sample) return null;
    return fieldValueFits({ key: 'sample', type: 'string', label: { ru: '-' }, pattern: value }, sample);
  }, [value, problem, sample]);
  const messages = problem ? [t('entityDesigner.pattern.invalid', { reason: problem })] : problems;
  return (
    <div className="ed-pattern">
      <label>
        {t('entityDesigner.props.pattern')}
        <input
          className="mono"
          data-testid="field-pattern"
          value={value ?? ''}
          placeholder="^[0-9]{10}$"
          maxLength={500}
          aria-invalid={messages.length > 0}
          aria-describedby={messages.length ? id : undefined}
          onChange={(e) => onChange(e.target.value || undefined)}
        />
        {!messages.length && <span className="hint">{t('entityDesigner.pattern.hint')}</span>}
        <Messages messages={messages} id={id} />
      </label>
      {value && !problem && (
        <label>
          {t('entityDesigner.pattern.sample')}
          <input value={sample} onChange={(e) => setSample(e.target.value)} data-testid="pattern-sample" />
          {matches !== null && (
            <output className={matches ? 'ed-ok' : 'field-error'} data-testid="pattern-result">
              {t(matches ? 'entityDesigner.pattern.matches' : 'entityDesigner.pattern.noMatch')}
            </output>
          )}
        </label>
      )}
    </div>
  );
}
