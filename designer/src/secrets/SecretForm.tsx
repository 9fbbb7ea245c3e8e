import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../components/ErrorBanner';
import { client } from '../lib/api';
import { errorText } from '../lib/error-text';

const namePattern = /^[a-z][a-z0-9_]{0,62}$/;

/** Name (for a new secret), the value in a password field, and a description. */
export function SecretForm({
  initialName,
  initialDescription,
  isNew,
  onCancel,
  onSaved,
  taken = [],
}: {
  initialName: string;
  initialDescription: string;
  isNew: boolean;
  /** Names already stored: a new secret under one of them replaces its value, which the admin is told. */
  taken?: readonly string[];
  onCancel: () => void;
  onSaved: (name: string) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  const [value, setValue] = useState('');
  const [description, setDescription] = useState(initialDescription);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameValid = namePattern.test(name);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!nameValid) return setError(t('secrets.nameRule'));
    setBusy(true);
    setError(null);
    try {
      await client.setSecret(name, value, description || undefined);
      onSaved(name);
    } catch (e) {
      setError(errorText(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={submit} data-testid="secret-form">
      <h2>{isNew ? t('secrets.add') : t('secrets.replaceTitle', { name })}</h2>
      {isNew && (
        <label>
          {t('secrets.name')}
          <input
            data-testid="secret-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="crm_token"
            required
            maxLength={63}
            aria-invalid={name !== '' && !nameValid}
            // biome-ignore lint/a11y/noAutofocus: the form opens on the admin's request, focus belongs here
            autoFocus
          />
          <span className={name !== '' && !nameValid ? 'field-error' : 'hint'}>{t('secrets.nameRule')}</span>
          {taken.includes(name) && <span className="field-error">{t('secrets.nameTaken', { name })}</span>}
        </label>
      )}
      <label>
        {t('secrets.value')}
        <input
          data-testid="secret-value"
          type="password"
          autoComplete="new-password"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          required
          maxLength={10_000}
          // biome-ignore lint/a11y/noAutofocus: replacing a value starts with typing it
          autoFocus={!isNew}
        />
        <span className="hint">{t('secrets.valueHint')}</span>
      </label>
      <label>
        {t('secrets.description')}
        <input value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} />
      </label>
      <ErrorBanner message={error} />
      <div className="actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn primary" disabled={busy} data-testid="secret-save">
          {busy ? t('common.wait') : t('secrets.save')}
        </button>
      </div>
    </form>
  );
}
