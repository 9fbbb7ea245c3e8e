import { ApiError } from '@opora/sdk';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { client } from '../lib/api';
import { navigate } from '../lib/router';
import { loadSession, useSession } from '../state/session';
import { SignupInput } from './SignupInput';
import {
  minPasswordLength,
  type SignupDraft,
  type SignupField,
  signupChecks,
  signupServerErrors,
} from './signup-checks';
import './i18n';
import './account.css';

const blank: SignupDraft = { name: '', email: '', password: '', repeat: '' };

/** A client creates an account (name, e-mail, password twice) and lands, signed in, in the personal account. */
export function SignupPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(blank);
  const [touched, setTouched] = useState<Partial<Record<SignupField, boolean>>>({});
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<ReturnType<typeof signupServerErrors>>({ fields: {}, general: null });
  const [busy, setBusy] = useState(false);
  const session = useSession();
  // Someone already signed in has an account: the form has nothing to offer them.
  useEffect(() => {
    if (session.status === 'signed-in' && !busy) navigate('/account', true);
  }, [session.status, busy]);
  const checks = signupChecks(draft);
  // A check speaks once the person left the field (or tried to send), not while they are still typing.
  const problem = (field: SignupField): string | undefined => {
    const check = checks[field];
    if (check && (touched[field] || attempted)) return t(`myAccount.signup.check.${check}`);
    return server.fields[field as keyof typeof server.fields];
  };
  const change = (field: SignupField) => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setServer((s) => ({ ...s, fields: { ...s.fields, [field]: undefined } }));
  };
  const blur = (field: SignupField) => () => setTouched((s) => ({ ...s, [field]: true }));
  /** What every input of the form takes from the draft by its field. */
  const bound = (field: SignupField) => ({
    field,
    value: draft[field],
    onChange: change(field),
    onBlur: blur(field),
    problem: problem(field),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(checks).length) {
      const first = (['name', 'email', 'password', 'repeat'] as const).find((f) => checks[f]);
      document.getElementById(`signup-${first}`)?.focus();
      return;
    }
    setBusy(true);
    setServer({ fields: {}, general: null });
    try {
      await client.portal.signup({
        name: draft.name.trim(),
        email: draft.email.trim(),
        password: draft.password,
      });
      await loadSession();
      navigate('/account', true);
    } catch (error) {
      setServer(
        error instanceof ApiError && error.status === 429
          ? { fields: {}, general: t('myAccount.signup.tooMany') }
          : signupServerErrors(error, t('myAccount.signup.failed')),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section narrow">
      <form className="card login signup" onSubmit={submit} noValidate data-testid="signup-form">
        <h1>{t('myAccount.signup.title')}</h1>
        <p className="muted">{t('myAccount.signup.intro')}</p>
        <SignupInput {...bound('name')} label={t('myAccount.signup.name')} autoComplete="name" />
        <SignupInput
          {...bound('email')}
          type="email"
          label={t('myAccount.signup.email')}
          autoComplete="email"
        />
        <SignupInput
          {...bound('password')}
          type="password"
          label={t('myAccount.signup.password')}
          autoComplete="new-password"
          hint={t('myAccount.signup.passwordHint', { count: minPasswordLength })}
        />
        <SignupInput
          {...bound('repeat')}
          type="password"
          label={t('myAccount.signup.repeat')}
          autoComplete="new-password"
        />
        {server.general && (
          <div className="banner error" role="alert" data-testid="signup-error">
            {server.general}
          </div>
        )}
        <button type="submit" className="btn primary" disabled={busy} data-testid="signup-submit">
          {busy ? t('common.wait') : t('myAccount.signup.submit')}
        </button>
        <p className="muted switch-line">
          {t('myAccount.signup.haveAccount')} <Link to="/login">{t('myAccount.signup.signIn')}</Link>
        </p>
      </form>
    </section>
  );
}
