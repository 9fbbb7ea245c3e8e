import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendAnswer } from './state/thread-store';

/** Where the operator writes: Enter sends, Shift+Enter starts a new line; a toggle turns it into an internal note. */
export function AnswerBox({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [internal, setInternal] = useState(false);
  const send = () => {
    if (!text.trim() || disabled) return;
    sendAnswer(text, internal);
    setText('');
  };
  const onKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // While an input method composes a word, Enter picks the word, it does not send.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    send();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  return (
    <form className={`answer-box${internal ? ' internal' : ''}`} onSubmit={onSubmit} data-testid="answer-box">
      <textarea
        aria-label={t('conversations.answer')}
        placeholder={t(internal ? 'conversations.notePlaceholder' : 'conversations.answerPlaceholder')}
        value={text}
        rows={3}
        maxLength={20_000}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKey}
        data-testid="answer-text"
      />
      <div className="answer-actions">
        <label className="toggle" title={t('conversations.internalHint')}>
          <input
            type="checkbox"
            checked={internal}
            onChange={(event) => setInternal(event.target.checked)}
            data-testid="answer-internal"
          />
          <span>{t('conversations.internal')}</span>
        </label>
        <button
          type="submit"
          className="btn primary"
          disabled={disabled || !text.trim()}
          data-testid="answer-send"
        >
          {t('conversations.send')}
        </button>
      </div>
    </form>
  );
}
