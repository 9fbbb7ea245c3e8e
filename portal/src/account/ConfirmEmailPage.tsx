import { ApiError } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { router } from '../lib/router';
import { mailLinks, tokenFrom } from './mail-links-api';
import './i18n';
import './account.css';

type State = { kind: 'working' } | { kind: 'done'; linked: number } | { kind: 'failed'; text: string };

/** The link from the sign-up mail: confirms the address, which brings in the requests sent from it anonymously. */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'working' });
  useEffect(() => {
    const token = tokenFrom(router.path());
    if (!token) {
      setState({ kind: 'failed', text: t('myAccount.reset.noToken') });
      return;
    }
    let live = true;
    mailLinks
      .confirmEmail(token)
      .then((answer) => live && setState({ kind: 'done', linked: answer.linked }))
      .catch((e: unknown) => {
        if (!live) return;
        const text =
          e instanceof ApiError
            ? (e.details.find((d) => d.pointer === '/token')?.message ?? e.message)
            : t('myAccount.confirm.failed');
        setState({ kind: 'failed', text });
      });
    return () => {
      live = false;
    };
  }, [t]);

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
        {state.kind === 'failed' && (
          <div className="banner error" role="alert">
            {state.text}
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
