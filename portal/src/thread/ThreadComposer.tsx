import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './i18n';
import './thread.css';

/** A way to send: its button's label and whether it is an internal note. */
export interface SendAction {
  label: string;
  internal: boolean;
  primary?: boolean;
}

// The server's limit on one message's text.
const maxLength = 20_000;

/**
 * The answer box under a thread. Buttons, not a form: it sits inside the operator's card form. The text stays
 * when sending fails, so nothing typed is lost; the same message id is reused on a retry, so a send whose answer
 * was lost is stored once.
 */
export function ThreadComposer({
  actions,
  onSend,
  hint,
}: {
  actions: SendAction[];
  onSend(text: string, internal: boolean, clientMessageId: string): Promise<unknown>;
  hint?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [messageId, setMessageId] = useState(newMessageId);
  const [state, setState] = useState<'idle' | 'sending' | 'failed'>('idle');
  const send = async (internal: boolean) => {
    if (!text.trim() || state === 'sending') return;
    setState('sending');
    try {
      await onSend(text, internal, messageId);
      setText('');
      setMessageId(newMessageId());
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <div className="thread-composer" data-testid="thread-composer">
      <textarea
        id={id}
        aria-label={t('thread.label')}
        value={text}
        maxLength={maxLength}
        rows={3}
        placeholder={t('thread.placeholder')}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void send(actions[0]?.internal ?? false);
          }
        }}
      />
      {state === 'failed' && (
        <p className="thread-error" role="alert">
          {t('thread.failed')}
        </p>
      )}
      <div className="thread-actions">
        {hint && <span className="muted thread-hint">{hint}</span>}
        {actions.map((action) => (
          <button
            key={action.label}
            type="button"
            className={action.primary ? 'btn primary' : 'btn'}
            disabled={!text.trim() || state === 'sending'}
            onClick={() => void send(action.internal)}
          >
            {state === 'sending' ? t('thread.sending') : action.label}
          </button>
        ))}
      </div>
    </div>
  );
}

// getRandomValues works on plain-http addresses too, where randomUUID is missing.
const newMessageId = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
