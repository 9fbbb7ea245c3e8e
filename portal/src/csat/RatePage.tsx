import { ApiError } from '@opora/sdk';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../lib/api';
import { matchPath, router } from '../lib/router';
import './i18n';
import './csat.css';

interface TokenRating {
  score: number | null;
  comment: string | null;
  expiresAt: string;
  changeable: boolean;
}

type Loaded =
  | { kind: 'loading' }
  | { kind: 'ready'; rating: TokenRating }
  | { kind: 'problem'; text: string };

const scores = [1, 2, 3, 4, 5] as const;

/**
 * `/csat/:token`: the page an e-mailed rating link opens. No sign-in: the token rates this one dialog, until it
 * expires or the dialog reopens; a rating given can be changed meanwhile.
 */
export function RatePage() {
  const { t, i18n } = useTranslation();
  const token = matchPath('/csat/:token', router.path().split('?')[0] ?? '')?.token ?? '';
  const path = `/csat/ratings/${encodeURIComponent(token)}`;
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const problem = (e: unknown) =>
    e instanceof ApiError
      ? e.status === 410
        ? t('csat.expired')
        : e.status === 404 || e.status === 400
          ? t('csat.unknown')
          : e.status === 409
            ? t('csat.final')
            : e.message
      : t('csat.failed');

  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once per link
  useEffect(() => {
    client.request<TokenRating>('GET', path).then(
      (rating) => {
        setLoaded({ kind: 'ready', rating });
        setScore(rating.score);
        setComment(rating.comment ?? '');
      },
      (e: unknown) => setLoaded({ kind: 'problem', text: problem(e) }),
    );
  }, [path]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (score === null) return setError(t('csat.pickScore'));
    setBusy(true);
    setError(null);
    try {
      const rating = await client.request<TokenRating>('POST', path, { body: { score, comment } });
      setLoaded({ kind: 'ready', rating });
      setSaved(true);
    } catch (e) {
      setError(problem(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section narrow">
      <div className="card csat-card" data-testid="csat-page">
        <h1>{t('csat.title')}</h1>
        {loaded.kind === 'loading' && <p aria-busy="true">…</p>}
        {loaded.kind === 'problem' && (
          <div className="banner error" role="alert" data-testid="csat-problem">
            {loaded.text}
          </div>
        )}
        {loaded.kind === 'ready' && !loaded.rating.changeable && (
          <div className="banner" role="status">
            {t('csat.final')}
          </div>
        )}
        {loaded.kind === 'ready' && loaded.rating.changeable && (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <p>{t('csat.intro')}</p>
            <fieldset className="csat-scores">
              <legend>{t('csat.score')}</legend>
              {scores.map((value) => (
                <button
                  key={value}
                  type="button"
                  className={value === score ? 'btn primary' : 'btn'}
                  aria-pressed={value === score}
                  aria-label={t('csat.scoreLabel', { score: value })}
                  onClick={() => {
                    setScore(value);
                    setSaved(false);
                  }}
                  data-testid={`csat-score-${value}`}
                >
                  {value}
                </button>
              ))}
            </fieldset>
            <label className="field">
              <span>{t('csat.comment')}</span>
              <textarea
                value={comment}
                maxLength={2000}
                rows={3}
                placeholder={t('csat.commentHint')}
                onChange={(e) => {
                  setComment(e.target.value);
                  setSaved(false);
                }}
                data-testid="csat-comment"
              />
            </label>
            {error && (
              <div className="banner error" role="alert">
                {error}
              </div>
            )}
            {saved && (
              <div className="banner success" role="status" data-testid="csat-thanks">
                {t('csat.thanks')}
              </div>
            )}
            <button type="submit" className="btn primary" disabled={busy} data-testid="csat-submit">
              {loaded.rating.score === null ? t('csat.submit') : t('csat.change')}
            </button>
            <p className="muted">
              {t('csat.expiresAt', {
                date: new Date(loaded.rating.expiresAt).toLocaleDateString(i18n.language),
              })}
            </p>
          </form>
        )}
      </div>
    </section>
  );
}
