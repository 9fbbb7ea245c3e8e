import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

const clean = (tag: string) => tag.trim().toLowerCase().replace(/\s+/g, ' ');

/** Tags as chips: Enter or a comma adds what was typed, Backspace in the empty box removes the last one. */
export function TagsInput({
  value,
  onChange,
  disabled,
}: {
  value: string[];
  onChange: (tags: string[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const add = (raw: string) => {
    const tags = raw.split(',').map(clean).filter(Boolean);
    const next = [...value];
    for (const tag of tags) if (!next.includes(tag)) next.push(tag);
    if (next.length !== value.length) onChange(next);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(text);
    } else if (event.key === 'Backspace' && !text && value.length) onChange(value.slice(0, -1));
  };
  return (
    <div className="kb-chips" data-testid="tags-input">
      {value.map((tag) => (
        <span key={tag} className="kb-chip">
          {tag}
          {!disabled && (
            <button
              type="button"
              aria-label={t('kb.article.removeTag', { tag })}
              onClick={() => onChange(value.filter((x) => x !== tag))}
            >
              ×
            </button>
          )}
        </span>
      ))}
      {!disabled && (
        <input
          value={text}
          aria-label={t('kb.article.tags')}
          placeholder={value.length ? '' : t('kb.article.tagsPlaceholder')}
          onChange={(e) => (e.target.value.includes(',') ? add(e.target.value) : setText(e.target.value))}
          onKeyDown={onKeyDown}
          onBlur={() => text && add(text)}
        />
      )}
    </div>
  );
}
