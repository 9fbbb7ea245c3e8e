import type { ApiToken } from '@opora/sdk';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorBanner } from '../components/ErrorBanner';
import { client } from '../lib/api';
import { errorText } from '../lib/error-text';

/** API tokens of the signed-in user: issue (the secret is shown once), list, revoke. */
export function TokensPage() {
  const { t, i18n } = useTranslation();
  const [tokens, setTokens] = useState<ApiToken[]>([]);
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    client.listTokens().then(
      (r) => setTokens(r.items),
      (e: unknown) => setError(errorText(e, t('common.loadFailed'))),
    );
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once on open
  useEffect(() => {
    void load();
  }, []);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const issued = await client.createToken(name);
      setSecret(issued.token);
      setName('');
      await load();
    } catch (e) {
      setError(errorText(e, t('common.saveFailed')));
    }
  };

  return (
    <div className="page narrow">
      <h1>{t('tokens.title')}</h1>
      <p className="muted">{t('tokens.hint')}</p>
      <form className="toolbar" onSubmit={create}>
        <input
          placeholder={t('tokens.name')}
          aria-label={t('tokens.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={200}
        />
        <button type="submit" className="btn primary">
          {t('tokens.create')}
        </button>
      </form>
      {secret && (
        <div className="banner ok">
          {t('tokens.once')} <code className="secret">{secret}</code>{' '}
          <button type="button" className="btn" onClick={() => void navigator.clipboard?.writeText(secret)}>
            {t('tokens.copy')}
          </button>
        </div>
      )}
      <ErrorBanner message={error} />
      {tokens.length === 0 ? (
        <p className="empty">{t('tokens.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('tokens.name')}</th>
              <th>{t('tokens.created')}</th>
              <th>{t('tokens.lastUsed')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{new Date(token.createdAt).toLocaleString(i18n.language)}</td>
                <td>{token.lastUsedAt ? new Date(token.lastUsedAt).toLocaleString(i18n.language) : '—'}</td>
                <td>
                  <button type="button" className="btn danger" onClick={() => setRevoking(token)}>
                    {t('tokens.revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoking && (
        <ConfirmDialog
          title={t('tokens.revokeTitle')}
          text={t('tokens.revokeText', { name: revoking.name })}
          confirmLabel={t('tokens.revoke')}
          onCancel={() => setRevoking(null)}
          onConfirm={() => {
            const id = revoking.id;
            setRevoking(null);
            void client
              .deleteToken(id)
              .then(load, (e: unknown) => setError(errorText(e, t('common.saveFailed'))));
          }}
        />
      )}
    </div>
  );
}
