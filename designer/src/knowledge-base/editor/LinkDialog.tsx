import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogShell } from './DialogShell';
import { normalizeLink } from './link-url';

/** Address (and, with nothing selected, the text) of a link; «Убрать ссылку» when the cursor is on one. */
export function LinkDialog({
  initialHref,
  askText,
  onApply,
  onRemove,
  onCancel,
}: {
  initialHref: string;
  askText: boolean;
  onApply: (href: string, text: string) => void;
  onRemove: (() => void) | null;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [href, setHref] = useState(initialHref);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const url = normalizeLink(href);
    if (!url) return setError(t('kb.editor.linkInvalid'));
    onApply(url, text.trim() || url);
  };
  return (
    <DialogShell
      title={t('kb.editor.linkTitle')}
      testId="link-dialog"
      submitLabel={t('kb.editor.apply')}
      onSubmit={submit}
      onCancel={onCancel}
      extraActions={
        onRemove && (
          <button type="button" className="btn danger" onClick={onRemove}>
            {t('kb.editor.linkRemove')}
          </button>
        )
      }
    >
      <label>
        {t('kb.editor.linkHref')}
        <input
          data-testid="link-href"
          value={href}
          // biome-ignore lint/a11y/noAutofocus: the dialog exists to type this address
          autoFocus
          placeholder="https://"
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setHref(e.target.value);
            setError(null);
          }}
        />
        <span className="hint">{t('kb.editor.linkHint')}</span>
        {error && <span className="field-error">{error}</span>}
      </label>
      {askText && (
        <label>
          {t('kb.editor.linkText')}
          <input data-testid="link-text" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      )}
    </DialogShell>
  );
}
