import { ApiError } from '@opora/sdk';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setLocale } from '../i18n';
import { signIn } from '../state/session';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(login, password);
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) setError(t('login.tooMany'));
      else if (e instanceof ApiError && e.status === 401) setError(t('login.wrong'));
      else setError(t('login.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-screen">
      <form className="login-card" onSubmit={submit}>
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.subtitle')}</p>
        <label>
          {t('login.login')}
          <input
            data-testid="login-input"
            autoComplete="username"
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            required
          />
        </label>
        <label>
          {t('login.password')}
          <input
            data-testid="password-input"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <div className="banner error" role="alert" data-testid="login-error">
            {error}
          </div>
        )}
        <button type="submit" className="btn primary" data-testid="login-submit" disabled={busy}>
          {busy ? t('common.wait') : t('login.submit')}
        </button>
        <button
          type="button"
          className="btn ghost"
          onClick={() => setLocale(i18n.language === 'ru' ? 'en' : 'ru')}
        >
          {i18n.language === 'ru' ? 'English' : 'Русский'}
        </button>
      </form>
    </div>
  );
}
