import { ApiError } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { router } from '../lib/router';
import { useSession } from '../state/session';
import { mailLinks, tokenFrom } from './mail-links-api';
import './i18n';
import './account.css';

type State =
  | { kind: 'working' }
  | { kind: 'done'; linked: number }
  | { kind: 'failed'; text: string | null }
  | { kind: 'no-token' };

// A link is used once: a second request (a re-render, a remount) would be refused, so each token is sent once.
const confirming = new Map<string, Promise<{ linked: number }>>();

/** The link from the sign-up mail: confirms the address, which brings in the requests sent from it anonymously. */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const [token] = useState(() => tokenFrom(router.path()));
  const [state, setState] = useState<State>(token ? { kind: 'working' } : { kind: 'no-token' });
  // A signed-in browser sends its CSRF token with the link, known once the session has loaded.
  const sessionLoading = useSession().status === 'loading';
  useEffect(() => {
    if (!token || sessionLoading) return;
    let live = true;
    if (!confirming.has(token)) confirming.set(token, mailLinks.confirmEmail(token));
    confirming
      .get(token)!
      .then((answer) => live && setState({ kind: 'done', linked: answer.linked }))
      .catch((e: unknown) => {
        if (!live) return;
        const text =
          e instanceof ApiError
            ? (e.details.find((d) => d.pointer === '/token')?.message ?? e.message)
            : null;
        setState({ kind: 'failed', text });
      });
    return () => {
      live = false;
    };
  }, [token, sessionLoading]);

  return (
    <section className="section narrow">
      <div className="card login signup" data-testid="confirm-email">
        <h1>{t('myAccount.confirm.title')}</h1>
        {state.kind === 'working' && <p className="muted">{t('myAccount.confirm.working')}</p>}
        {state.kind === 'done' && (
          <div className="banner success" role="status" data-testid="confirm-done">
            {t('myAccount.confirm.done')}
            {state.linked > 0 && ` ${t('myAccount.confirm.linked', { count: state.linked })}`}
          </div>
        )}
        {(state.kind === 'failed' || state.kind === 'no-token') && (
          <div className="banner error" role="alert" data-testid="confirm-failed">
            {state.kind === 'no-token'
              ? t('myAccount.reset.noToken')
              : (state.text ?? t('myAccount.confirm.failed'))}
          </div>
        )}
        {state.kind !== 'working' && (
          <Link to="/account" className="btn primary">
            {t('myAccount.confirm.toAccount')}
          </Link>
        )}
      </div>
    </section>
  );
}
