import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../lib/copy-text';

/**
 * Something to paste elsewhere (an embed snippet, an address to register): shown whole as code, read-only, with a
 * copy button that says whether it worked. When the browser refuses the clipboard the text is selected instead,
 * so Ctrl+C finishes the job.
 */
export function CopyField({
  label,
  text,
  hint,
  testId,
  multiline = false,
}: {
  label: string;
  text: string;
  hint?: ReactNode;
  testId?: string;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const field = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 4000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = () => {
    copyText(text).then(
      () => setState('copied'),
      () => {
        field.current?.select();
        setState('failed');
      },
    );
  };
  const props = {
    id,
    ref: field,
    readOnly: true,
    value: text,
    // Code to paste elsewhere, not words: no spelling marks, no page translation.
    spellCheck: false,
    translate: 'no' as const,
    className: 'copy-field-text mono',
    'data-testid': testId,
    onFocus: () => field.current?.select(),
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field-row">
        {multiline ? <textarea rows={2} {...props} /> : <input {...props} />}
        <button
          type="button"
          className="btn"
          data-testid={testId ? `${testId}-copy` : undefined}
          onClick={copy}
        >
          {t('common.copy')}
        </button>
      </div>
      <span className={state === 'failed' ? 'field-error' : 'hint'} aria-live="polite">
        {state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : hint}
      </span>
    </div>
  );
}
