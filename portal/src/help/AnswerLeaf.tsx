import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LText, localText } from '../lib/local-text';
import { HelperContact } from './HelperContact';

/** A ready answer with «Помогло? Да / Нет»; «Нет» shows the ways to reach specialists. */
export function AnswerLeaf({
  text,
  topic,
  onRated,
}: {
  text: LText;
  /** The way the visitor came, for the request they may write. */
  topic: string;
  onRated: (helpful: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const [answer, setAnswer] = useState<boolean | null>(null);
  const rate = (helpful: boolean) => {
    setAnswer(helpful);
    onRated(helpful);
  };
  return (
    <div className="helper-answer" data-testid="helper-answer">
      <div className="helper-answer-text">
        {localText(text, i18n.language)
          .split(/\n+/)
          .filter(Boolean)
          .map((paragraph, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text
            <p key={i}>{paragraph}</p>
          ))}
      </div>
      {answer === null ? (
        <div className="helper-rate">
          <strong>{t('help.answer.question')}</strong>
          <div className="kb-rating-buttons">
            <button type="button" className="btn" data-testid="answer-yes" onClick={() => rate(true)}>
              {t('help.answer.yes')}
            </button>
            <button type="button" className="btn" data-testid="answer-no" onClick={() => rate(false)}>
              {t('help.answer.no')}
            </button>
          </div>
        </div>
      ) : answer ? (
        <p className="helper-rate" role="status">
          <strong>{t('help.answer.thanks')}</strong>
        </p>
      ) : (
        <>
          <p className="helper-rate" role="status">
            {t('help.answer.sorry')}
          </p>
          <HelperContact topic={topic} />
        </>
      )}
    </div>
  );
}
