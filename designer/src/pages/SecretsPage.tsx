import type { SecretSummary } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorBanner } from '../components/ErrorBanner';
import { client } from '../lib/api';
import { errorText } from '../lib/error-text';
import { SecretForm } from '../secrets/SecretForm';

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
