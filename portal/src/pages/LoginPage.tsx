import { ApiError } from '@opora/sdk';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../account/i18n';
import '../account/account.css';
import { Link } from '../components/Link';
import { navigate, router } from '../lib/router';
import { isStaff, signIn } from '../state/session';

/** One sign-in for clients and staff; each lands where their work is. */
export function LoginPage() {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await signIn(login, password);
      const next = new URLSearchParams(router.path().split('?')[1] ?? '').get('next');
      // Only a path inside the portal: a `next` of "//evil.example" must not send anyone away.
      const back = next?.startsWith('/') && !next.startsWith('//') ? next : null;
      navigate(back ?? (isStaff(user) ? '/operator' : '/account'), true);
    } catch (e) {
      setError(
        t(
          e instanceof ApiError && e.status === 429
            ? 'login.tooMany'
            : e instanceof ApiError && e.status === 401
              ? 'login.wrong'
              : 'login.failed',
        ),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="section narrow">
      <form className="card login" onSubmit={submit}>
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.who')}</p>
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
        <Link to="/account/forgot" className="forgot-link" data-testid="forgot-link">
          {t('myAccount.login.forgot')}
        </Link>
        {error && (
          <div className="banner error" role="alert">
            {error}
          </div>
        )}
        <button type="submit" className="btn primary" data-testid="login-submit" disabled={busy}>
          {busy ? t('common.wait') : t('login.submit')}
        </button>
        <p className="muted switch-line">
          {t('myAccount.login.noAccount')}{' '}
          <Link to="/signup" className="signup-link">
            {t('myAccount.login.signUp')}
          </Link>
        </p>
      </form>
    </section>
  );
}
