import { ApiError, type ErrorDetail, type Page, type Role, roles, type User } from '@opora/sdk';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorBanner } from '../components/ErrorBanner';
import { FieldError } from '../components/FieldError';
import { Pagination } from '../components/Pagination';
import { client } from '../lib/api';
import { errorText } from '../lib/error-text';

const limit = 25;

/** Accounts: search, create with roles, change roles, deactivate (with confirmation). */
export function UsersPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState<Page<User> | null>(null);
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [details, setDetails] = useState<ErrorDetail[]>([]);
  const [form, setForm] = useState({
    login: '',
    name: '',
    email: '',
    password: '',
    roles: ['operator'] as Role[],
  });
  const [deactivating, setDeactivating] = useState<User | null>(null);

  const load = () =>
    client
      .listUsers({ q: q || undefined, limit, offset })
      .then(setPage, (e: unknown) => setError(errorText(e, t('common.loadFailed'))));
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload exactly when the query or the page changes
  useEffect(() => {
    void load();
  }, [q, offset]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setDetails([]);
    setError(null);
    try {
      await client.createUser({ ...form, email: form.email || undefined });
      setForm({ login: '', name: '', email: '', password: '', roles: ['operator'] });
      await load();
    } catch (e) {
      if (e instanceof ApiError) setDetails(e.details);
      setError(errorText(e, t('common.saveFailed')));
    }
  };
  const update = (user: User, patch: Parameters<typeof client.updateUser>[1]) =>
    client
      .updateUser(user.id, patch)
      .then(load, (e: unknown) => setError(errorText(e, t('common.saveFailed'))));
  const toggleRole = (list: Role[], role: Role) =>
    list.includes(role) ? list.filter((r) => r !== role) : [...list, role];

  return (
    <div className="page">
      <h1>{t('users.title')}</h1>
      <form className="card form grid-form" onSubmit={create}>
        <h2>{t('users.create')}</h2>
        <label>
          {t('users.login')}
          <input value={form.login} onChange={(e) => setForm({ ...form, login: e.target.value })} required />
          <FieldError details={details} pointer="/login" />
        </label>
        <label>
          {t('users.name')}
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required />
        </label>
        <label>
          {t('users.email')}
          <input
            type="email"
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
          />
          <FieldError details={details} pointer="/email" />
        </label>
        <label>
          {t('users.password')}
          <input
            type="password"
            autoComplete="new-password"
            minLength={8}
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
            required
          />
          <FieldError details={details} pointer="/password" />
        </label>
        <fieldset className="roles">
          <legend>{t('users.roles')}</legend>
          {roles.map((role) => (
            <label key={role} className="check">
              <input
                type="checkbox"
                checked={form.roles.includes(role)}
                onChange={() => setForm({ ...form, roles: toggleRole(form.roles, role) })}
              />
              {t(`roles.${role}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="btn primary" disabled={!form.roles.length}>
          {t('users.createSubmit')}
        </button>
      </form>
      <ErrorBanner message={error} />
      <div className="toolbar">
        <input
          type="search"
          className="search"
          placeholder={t('users.search')}
          aria-label={t('users.search')}
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setOffset(0);
          }}
        />
      </div>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{t('users.login')}</th>
              <th>{t('users.name')}</th>
              <th>{t('users.roles')}</th>
              <th>{t('users.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {page?.items.map((user) => (
              <tr key={user.id} className={user.active ? '' : 'inactive'}>
                <td className="mono">{user.login}</td>
                <td>{user.name}</td>
                <td>
                  {roles.map((role) => (
                    <label key={role} className="check small">
                      <input
                        type="checkbox"
                        checked={user.roles.includes(role)}
                        disabled={user.roles.length === 1 && user.roles.includes(role)}
                        onChange={() => void update(user, { roles: toggleRole(user.roles, role) })}
                      />
                      {t(`roles.${role}`)}
                    </label>
                  ))}
                </td>
                <td>{user.active ? t('users.active') : t('users.inactive')}</td>
                <td>
                  {user.active ? (
                    <button type="button" className="btn danger" onClick={() => setDeactivating(user)}>
                      {t('users.deactivate')}
                    </button>
                  ) : (
                    <button type="button" className="btn" onClick={() => void update(user, { active: true })}>
                      {t('users.activate')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page && <Pagination offset={offset} limit={limit} total={page.total} onChange={setOffset} />}
      {deactivating && (
        <ConfirmDialog
          title={t('users.deactivateTitle')}
          text={t('users.deactivateText', { name: deactivating.name })}
          confirmLabel={t('users.deactivate')}
          onCancel={() => setDeactivating(null)}
          onConfirm={() => {
            const user = deactivating;
            setDeactivating(null);
            void update(user, { active: false });
          }}
        />
      )}
    </div>
  );
}
