import { ApiError } from '@opora/sdk';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { client } from '../lib/api';
import { useSession } from '../state/session';
import { type PasswordDraft, type PasswordField, passwordChecks } from './password-checks';
import { SignupInput } from './SignupInput';
import { minPasswordLength } from './signup-checks';
import './i18n';
import './account.css';

const blank: PasswordDraft = { current: '', password: '', repeat: '' };
const fields: PasswordField[] = ['current', 'password', 'repeat'];

/** Any signed-in user (client or staff) changes their password; their other sessions end, this one stays. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [draft, setDraft] = useState(blank);
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<{ current?: string; general?: string }>({});
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  if (session.status === 'loading') return null;
  if (session.status !== 'signed-in')
    return (
      <section className="section narrow empty">
        <p>{t('myAccount.password.signIn')}</p>
        <Link to="/login" className="btn primary">
          {t('header.signIn')}
        </Link>
      </section>
    );

  const checks = passwordChecks(draft);
  const problem = (field: PasswordField): string | undefined => {
    const check = checks[field];
    if (check && attempted) return t(`myAccount.signup.check.${check}`);
    return field === 'current' ? server.current : undefined;
  };
  const bound = (field: PasswordField) => ({
    field,
    form: 'password',
    type: 'password' as const,
    value: draft[field],
    onChange: (value: string) => {
      setDraft((d) => ({ ...d, [field]: value }));
      setServer({});
      setDone(false);
    },
    onBlur: () => undefined,
    problem: problem(field),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    const first = fields.find((f) => checks[f]);
    if (first) {
      document.getElementById(`password-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await client.changePassword(draft.current, draft.password);
      setDraft(blank);
      setAttempted(false);
      setDone(true);
    } catch (error) {
      setServer(serverProblem(error, t('myAccount.password.failed'), t('myAccount.signup.tooMany')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section narrow">
      <form className="card login signup" onSubmit={submit} noValidate data-testid="password-form">
        <h1>{t('myAccount.password.title')}</h1>
        <p className="muted">{t('myAccount.password.intro')}</p>
        <SignupInput
          {...bound('current')}
          label={t('myAccount.password.current')}
          autoComplete="current-password"
        />
        <SignupInput
          {...bound('password')}
          label={t('myAccount.password.password')}
          autoComplete="new-password"
          hint={t('myAccount.signup.passwordHint', { count: minPasswordLength })}
        />
        <SignupInput
          {...bound('repeat')}
          label={t('myAccount.password.repeat')}
          autoComplete="new-password"
        />
        {server.general && (
          <div className="banner error" role="alert">
            {server.general}
          </div>
        )}
        {done && (
          <div className="banner success" role="status" data-testid="password-done">
            {t('myAccount.password.done')}
          </div>
        )}
        <button type="submit" className="btn primary" disabled={busy} data-testid="password-submit">
          {busy ? t('common.wait') : t('myAccount.password.submit')}
        </button>
      </form>
    </section>
  );
}

/** A wrong current password is said beside that field; anything else above the button. */
function serverProblem(
  error: unknown,
  fallback: string,
  tooMany: string,
): { current?: string; general?: string } {
  if (!(error instanceof ApiError)) return { general: fallback };
  if (error.status === 429) return { general: tooMany };
  const current = error.details.find((d) => d.pointer === '/currentPassword')?.message;
  return current ? { current } : { general: error.message };
}
