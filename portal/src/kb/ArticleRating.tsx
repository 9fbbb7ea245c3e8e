import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../lib/api';
import './i18n';

type Step = 'ask' | 'comment' | 'done';

/**
 * «Была ли статья полезна?» Да / Нет. «Нет» is saved at once (so it counts even if the visitor leaves) and then
 * asks what was wrong; the comment, if any, replaces that answer. A visitor who answered before sees the thanks.
 */
export function ArticleRating({
  articleKey,
  myRating,
  onRated,
}: {
  articleKey: string;
  myRating: boolean | null;
  /** Called once per answer given here (the helper records it in the walk too). */
  onRated?: (helpful: boolean) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [answer, setAnswer] = useState<boolean | null>(myRating);
  const [step, setStep] = useState<Step>(myRating === null ? 'ask' : 'done');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    setAnswer(myRating);
    setStep(myRating === null ? 'ask' : 'done');
  }, [myRating]);

  const send = async (helpful: boolean, text?: string): Promise<boolean> => {
    setBusy(true);
    setFailed(false);
    try {
      await client.kb.rate(articleKey, text ? { helpful, comment: text } : { helpful });
      return true;
    } catch {
      setFailed(true);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const choose = async (helpful: boolean) => {
    if (!(await send(helpful))) return;
    setAnswer(helpful);
    onRated?.(helpful);
    setStep(helpful ? 'done' : 'comment');
  };
  const submitComment = async (event: FormEvent) => {
    event.preventDefault();
    const text = comment.trim().slice(0, 2000);
    if (text && !(await send(false, text))) return;
    setStep('done');
  };

  return (
    <section className="kb-rating" aria-labelledby={`${id}-q`} data-testid="article-rating">
      {step === 'ask' && (
        <div className="kb-rating-ask">
          <strong id={`${id}-q`}>{t('kb.rating.question')}</strong>
          <div className="kb-rating-buttons">
            <button
              type="button"
              className="btn"
              disabled={busy}
              data-testid="rate-yes"
              onClick={() => void choose(true)}
            >
              {t('kb.rating.yes')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={busy}
              data-testid="rate-no"
              onClick={() => void choose(false)}
            >
              {t('kb.rating.no')}
            </button>
          </div>
        </div>
      )}
      {step === 'comment' && (
        <form className="kb-rating-comment" onSubmit={submitComment}>
          <label htmlFor={`${id}-c`} id={`${id}-q`}>
            {t('kb.rating.whatWrong')}
          </label>
          <textarea
            id={`${id}-c`}
            rows={3}
            // biome-ignore lint/a11y/noAutofocus: appears right after the visitor pressed «Нет», to type the reason
            autoFocus
            maxLength={2000}
            value={comment}
            placeholder={t('kb.rating.commentPlaceholder')}
            data-testid="rate-comment"
            onChange={(e) => setComment(e.target.value)}
          />
          <div className="kb-rating-buttons">
            <button type="submit" className="btn primary" disabled={busy || !comment.trim()}>
              {t('kb.rating.send')}
            </button>
            <button type="button" className="btn ghost" disabled={busy} onClick={() => setStep('done')}>
              {t('kb.rating.skip')}
            </button>
          </div>
        </form>
      )}
      {step === 'done' && (
        <div className="kb-rating-done" role="status" data-testid="rate-thanks">
          <strong id={`${id}-q`}>{answer ? t('kb.rating.thanksHelpful') : t('kb.rating.thanks')}</strong>
          <button type="button" className="btn ghost" onClick={() => setStep('ask')}>
            {t('kb.rating.change')}
          </button>
        </div>
      )}
      {failed && (
        <p className="banner error" role="alert">
          {t('kb.rating.failed')}
        </p>
      )}
    </section>
  );
}
