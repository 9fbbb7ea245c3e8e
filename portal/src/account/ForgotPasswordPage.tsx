import { ApiError } from '@opora/sdk';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { mailLinks } from './mail-links-api';
import { SignupInput } from './SignupInput';
import './i18n';
import './account.css';

/**
 * «Забыли пароль?»: the visitor names an e-mail or login and is told a mail went out if such an account exists —
 * the same words either way, so the page reveals nobody's account.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const missing = !login.trim();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (missing) {
      document.getElementById('forgot-login')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await mailLinks.askReset(login.trim());
      setSent(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('myAccount.forgot.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section narrow">
      <form className="card login signup" onSubmit={submit} noValidate data-testid="forgot-form">
        <h1>{t('myAccount.forgot.title')}</h1>
        {sent ? (
          <div className="banner success" role="status" data-testid="forgot-sent">
            {t('myAccount.forgot.sent')}
          </div>
        ) : (
          <>
            <p className="muted">{t('myAccount.forgot.intro')}</p>
            <SignupInput
              field="login"
              form="forgot"
              label={t('myAccount.forgot.login')}
              autoComplete="username"
              value={login}
              onChange={setLogin}
              onBlur={() => undefined}
              problem={attempted && missing ? t('myAccount.signup.check.required') : undefined}
            />
            {error && (
              <div className="banner error" role="alert">
                {error}
              </div>
            )}
            <button type="submit" className="btn primary" disabled={busy} data-testid="forgot-submit">
              {busy ? t('common.wait') : t('myAccount.forgot.submit')}
            </button>
          </>
        )}
        <p className="muted switch-line">
          <Link to="/login">{t('myAccount.forgot.back')}</Link>
        </p>
      </form>
    </section>
  );
}
