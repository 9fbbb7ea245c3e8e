import { ApiError } from '@opora/sdk';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../lib/api';
import { notice } from './state/notice';

/** Outside a secure context (plain http on a LAN) the browser has no randomUUID. */
const newMessageId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `m-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** «Подключиться»: the supervisor writes into a dialog someone else leads — a note for colleagues, or openly. */
export function JoinForm({ conversationId, onDone }: { conversationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [internal, setInternal] = useState(true);
  const [busy, setBusy] = useState(false);
  // One id per typed message: pressing «Отправить» twice (or a retry) posts it once.
  const [clientMessageId, setClientMessageId] = useState(newMessageId);
  const send = async () => {
    setBusy(true);
    try {
      await client.conversations.answer(conversationId, { text: text.trim(), internal, clientMessageId });
      notice.set({ tone: 'success', text: t('supervisor.joined') });
      setText('');
      setClientMessageId(newMessageId());
      onDone();
    } catch (err) {
      notice.set({ tone: 'error', text: err instanceof ApiError ? err.message : t('supervisor.failed') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="sv-join"
      data-testid="join-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) void send();
      }}
    >
      <label htmlFor={`${id}-text`}>{t('supervisor.joinText')}</label>
      <textarea
        id={`${id}-text`}
        value={text}
        maxLength={4000}
        rows={2}
        onChange={(event) => setText(event.target.value)}
      />
      <label className="sv-check">
        <input type="checkbox" checked={internal} onChange={(event) => setInternal(event.target.checked)} />
        {t('supervisor.joinInternal')}
      </label>
      <div className="sv-join-actions">
        <button type="submit" className="btn primary small" disabled={busy || !text.trim()}>
          {t('supervisor.send')}
        </button>
        <button type="button" className="btn small" onClick={onDone}>
          {t('supervisor.cancel')}
        </button>
      </div>
    </form>
  );
}
