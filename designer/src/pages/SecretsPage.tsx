import type { SecretSummary } from '@opora/sdk';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorBanner } from '../components/ErrorBanner';
import { client } from '../lib/api';
import { errorText } from '../lib/error-text';

const namePattern = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * Write-only secrets for integrations: admins set and delete values, developers see the names to refer to.
 * A value typed here goes to the server once and is never shown again, not even to admins.
 */
export function SecretsPage({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [secrets, setSecrets] = useState<SecretSummary[] | null>(null);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<{ name: string; description: string; isNew: boolean } | null>(null);
  const [deleting, setDeleting] = useState<SecretSummary | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = (q = query) =>
    client.listSecrets(q || undefined).then(
      (r) => setSecrets(r.items),
      (e: unknown) => setError(errorText(e, t('common.loadFailed'))),
    );
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once on open, then on search
  useEffect(() => {
    const timer = setTimeout(() => void load(query), 200);
    return () => clearTimeout(timer);
  }, [query]);

  return (
    <div className="page narrow">
      <h1>{t('secrets.title')}</h1>
      <p className="muted">{t('secrets.hint')}</p>
      <div className="toolbar">
        <input
          type="search"
          className="search"
          placeholder={t('secrets.search')}
          aria-label={t('secrets.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        {canEdit && (
          <button
            type="button"
            className="btn primary"
            data-testid="secret-new"
            onClick={() => setEditing({ name: '', description: '', isNew: true })}
          >
            {t('secrets.add')}
          </button>
        )}
      </div>
      {saved && (
        <div className="banner ok" role="status">
          {t('secrets.saved', { name: saved })}
        </div>
      )}
      <ErrorBanner message={error} />
      {editing && (
        <SecretForm
          initialName={editing.name}
          initialDescription={editing.description}
          isNew={editing.isNew}
          onCancel={() => setEditing(null)}
          onSaved={(name) => {
            setEditing(null);
            setSaved(name);
            void load();
          }}
        />
      )}
      {secrets === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : secrets.length === 0 ? (
        <p className="empty">{query ? t('secrets.notFound') : t('secrets.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="secret-list">
            <thead>
              <tr>
                <th>{t('secrets.name')}</th>
                <th>{t('secrets.description')}</th>
                <th>{t('secrets.updated')}</th>
                {canEdit && <th />}
              </tr>
            </thead>
            <tbody>
              {secrets.map((secret) => (
                <tr key={secret.name}>
                  <td>
                    <code>{secret.name}</code>
                  </td>
                  <td>{secret.description || '—'}</td>
                  <td>
                    {new Date(secret.updatedAt).toLocaleString(i18n.language)}
                    {secret.updatedBy ? ` · ${secret.updatedBy}` : ''}
                  </td>
                  {canEdit && (
                    <td className="row-actions">
                      <button
                        type="button"
                        className="btn"
                        onClick={() =>
                          setEditing({ name: secret.name, description: secret.description, isNew: false })
                        }
                      >
                        {t('secrets.replace')}
                      </button>
                      <button type="button" className="btn danger" onClick={() => setDeleting(secret)}>
                        {t('secrets.delete')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('secrets.deleteTitle')}
          text={t('secrets.deleteText', { name: deleting.name })}
          confirmLabel={t('secrets.delete')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const name = deleting.name;
            setDeleting(null);
            setSaved(null);
            void client.deleteSecret(name).then(
              () => load(),
              (e: unknown) => setError(errorText(e, t('common.saveFailed'))),
            );
          }}
        />
      )}
    </div>
  );
}

/** Name (for a new secret), the value in a password field, and a description. */
function SecretForm({
  initialName,
  initialDescription,
  isNew,
  onCancel,
  onSaved,
}: {
  initialName: string;
  initialDescription: string;
  isNew: boolean;
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
