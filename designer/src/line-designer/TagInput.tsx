import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldNote } from '../components/FieldNote';

/**
 * A list of short names as chips: typing and Enter (or a comma) adds one, × removes it, Backspace in the empty input
 * takes the last one back for editing. Repeats are ignored.
 */
export function TagInput({
  label,
  value,
  onChange,
  hint,
  problem,
  testId,
  maxLength = 100,
  names = false,
}: {
  label: string;
  value: readonly string[];
  onChange: (tags: string[]) => void;
  hint: string;
  problem?: string;
  testId: string;
  maxLength?: number;
  /** The tags are names to match (groups, skills), not words: shown as such, never spell-checked or translated. */
  names?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const id = useId();
  const add = () => {
    const tag = text.trim();
    setText('');
    if (tag && !value.includes(tag)) onChange([...value, tag]);
  };
  return (
    <div className="ld-field">
      <label htmlFor={id}>{label}</label>
      <div className="ld-tags" data-testid={testId}>
        {value.map((tag) => (
          <span key={tag} className={names ? 'ld-tag mono' : 'ld-tag'} translate={names ? 'no' : undefined}>
            {tag}
            <button
              type="button"
              className="ld-tag-remove"
              aria-label={t('lineDesigner.removeTag', { tag })}
              onClick={() => onChange(value.filter((v) => v !== tag))}
            >
              ×
            </button>
          </span>
        ))}
        <input
          id={id}
          data-testid={`${testId}-input`}
          value={text}
          maxLength={maxLength}
          spellCheck={names ? false : undefined}
          placeholder={t('lineDesigner.tagPlaceholder')}
          aria-invalid={Boolean(problem)}
          onChange={(e) => setText(e.target.value)}
          onBlur={add}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              add();
            } else if (e.key === 'Backspace' && !text && value.length) {
              e.preventDefault();
              setText(value.at(-1) ?? '');
              onChange(value.slice(0, -1));
            }
          }}
        />
      </div>
      <FieldNote message={problem} hint={hint} />
    </div>
  );
}
