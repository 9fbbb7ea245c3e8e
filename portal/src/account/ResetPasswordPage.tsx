import { ApiError } from '@opora/sdk';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { router } from '../lib/router';
import { loadSession } from '../state/session';
import { mailLinks, tokenFrom } from './mail-links-api';
import { type ResetDraft, type ResetField, resetChecks } from './reset-checks';
import { SignupInput } from './SignupInput';
import { minPasswordLength } from './signup-checks';
import './i18n';
import './account.css';

const fields: ResetField[] = ['password', 'repeat'];

/**
 * The link from the reset mail: a new password, twice, under the sign-up rules. Every session of the account
 * ends, this browser's too, so the person then signs in with the new password.
 */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [token] = useState(() => tokenFrom(router.path()));
  const [draft, setDraft] = useState<ResetDraft>({ password: '', repeat: '' });
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<{ text: string; link: boolean } | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const checks = resetChecks(draft);

  if (!token) return <LinkProblem text={t('myAccount.reset.noToken')} />;
  if (done)
    return (
      <section className="section narrow">
        <div className="card login signup" data-testid="reset-done">
          <h1>{t('myAccount.reset.title')}</h1>
          <div className="banner success" role="status">
            {t('myAccount.reset.done')}
          </div>
          <Link to="/login" className="btn primary" data-testid="reset-sign-in">
            {t('myAccount.reset.signIn')}
          </Link>
        </div>
      </section>
    );

  const bound = (field: ResetField) => ({
    field,
    form: 'reset',
    type: 'password' as const,
    autoComplete: 'new-password',
    value: draft[field],
    onChange: (value: string) => {
      setDraft((d) => ({ ...d, [field]: value }));
      setError(null);
    },
    onBlur: () => undefined,
    problem: checks[field] && attempted ? t(`myAccount.signup.check.${checks[field]}`) : undefined,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    const first = fields.find((f) => checks[f]);
    if (first) {
      document.getElementById(`reset-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await mailLinks.reset(token, draft.password);
      setDone(true);
      // This browser's session, if any, has just ended with all the others.
      void loadSession();
    } catch (e) {
      if (!(e instanceof ApiError)) setError({ text: t('myAccount.reset.failed'), link: false });
      else if (e.status === 429) setError({ text: t('myAccount.signup.tooMany'), link: false });
      else {
        const tokenProblem = e.details.find((d) => d.pointer === '/token')?.message;
        setError({ text: tokenProblem ?? e.message, link: Boolean(tokenProblem) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section narrow">
      <form className="card login signup" onSubmit={submit} noValidate data-testid="reset-form">
        <h1>{t('myAccount.reset.title')}</h1>
        <p className="muted">{t('myAccount.reset.intro')}</p>
        <SignupInput
          {...bound('password')}
          label={t('myAccount.reset.password')}
          hint={t('myAccount.signup.passwordHint', { count: minPasswordLength })}
        />
        <SignupInput {...bound('repeat')} label={t('myAccount.reset.repeat')} />
        {error && (
          <div className="banner error" role="alert" data-testid="reset-error">
            {error.text} {error.link && <Link to="/account/forgot">{t('myAccount.reset.again')}</Link>}
          </div>
        )}
        <button type="submit" className="btn primary" disabled={busy} data-testid="reset-submit">
          {busy ? t('common.wait') : t('myAccount.reset.submit')}
        </button>
      </form>
    </section>
  );
}

function LinkProblem({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <section className="section narrow">
      <div className="card login signup">
        <h1>{t('myAccount.reset.title')}</h1>
        <div className="banner error" role="alert">
          {text}
        </div>
        <Link to="/account/forgot" className="btn primary">
          {t('myAccount.reset.again')}
        </Link>
      </div>
    </section>
  );
}
