import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Link';
import { LoadError, Loading } from '../../components/ScreenStates';
import { useStore } from '../../lib/store';
import { ThreadWrapUp } from '../escalation/ThreadWrapUp';
import { AnswerBox } from './AnswerBox';
import { ChannelLabel } from './ChannelLabel';
import { contactName } from './contact-name';
import { DialogActions } from './DialogActions';
import { MessageBubble } from './MessageBubble';
import { listStore } from './state/list-store';
import { ThreadIdContext, useThread } from './state/thread-context';
import { loadEarlier, openThread, retryAnswer, setThreadStatus } from './state/thread-store';

/**
 * An open conversation: who and where, its history (earlier pages on scroll), and the answer box. Its state is the
 * dialog's own cached store, so showing it again after another tab costs no request.
 */
export function ConversationThread({ id, onBack }: { id: string; onBack: () => void }) {
  return (
    <ThreadIdContext.Provider value={id}>
      <Thread id={id} onBack={onBack} />
    </ThreadIdContext.Provider>
  );
}

function Thread({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation();
  const thread = useThread();
  const listed = useStore(listStore).items.find((item) => item.id === id);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void openThread(id);
  }, [id]);
  const conversation = thread.conversation;
  if (thread.error !== null && !conversation)
    return <LoadError error={thread.error} onRetry={() => void openThread(id)} />;
  if (!conversation) return <Loading />;
  const closed = conversation.status === 'closed';
  const toggle = async () => {
    setBusy(true);
    try {
      await setThreadStatus(id, closed ? 'open' : 'closed');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="thread" data-testid="conversation-thread">
      <header className="thread-head">
        <button type="button" className="btn back" onClick={onBack}>
          ← {t('conversations.back')}
        </button>
        <div className="thread-title">
          <strong data-testid="thread-contact">
            {contactName(thread.contact ?? listed?.contact, t('conversations.anonymous'))}
          </strong>
          <ChannelLabel channel={conversation.channel} />
          {closed && <span className="badge">{t('conversations.closed')}</span>}
        </div>
        <div className="thread-actions">
          {thread.contact && (
            <div className="thread-dialog-actions">
              <DialogActions
                item={{
                  ...conversation,
                  contact: thread.contact,
                  lastMessage: null,
                  lastReadSeq: 0,
                  unread: 0,
                }}
                shortcut
              />
            </div>
          )}
          <ThreadWrapUp conversation={conversation} lastSeq={thread.messages.at(-1)?.seq ?? 0} />
          {conversation.clientRecordId && (
            <Link to={`/work/client/${conversation.clientRecordId}`} className="btn">
              {t('conversations.openCard')}
            </Link>
          )}
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => void toggle()}
            data-testid="thread-status"
          >
            {t(closed ? 'conversations.reopen' : 'conversations.close')}
          </button>
        </div>
      </header>
      <History id={id} />
      <AnswerBox disabled={false} />
    </section>
  );
}

/** The messages, kept scrolled to the newest unless the operator scrolled up to read; the top loads earlier ones. */
function History({ id }: { id: string }) {
  const { t } = useTranslation();
  const { messages, pending, hasEarlier, loadingEarlier } = useThread();
  const box = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);
  const firstSeq = useRef<number | undefined>(undefined);
  const heightBefore = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new pending answer grows the history too
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const grewAtTop = firstSeq.current !== undefined && messages[0]?.seq !== firstSeq.current;
    if (grewAtTop && !pinned.current) el.scrollTop += el.scrollHeight - heightBefore.current;
    else if (pinned.current) el.scrollTop = el.scrollHeight;
    firstSeq.current = messages[0]?.seq;
    heightBefore.current = el.scrollHeight;
  }, [messages, pending]);
  const onScroll = () => {
    const el = box.current;
    if (!el) return;
    pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    heightBefore.current = el.scrollHeight;
    if (el.scrollTop < 80 && hasEarlier) void loadEarlier(id);
  };
  return (
    <ol className="history" ref={box} onScroll={onScroll} data-testid="history" aria-live="polite">
      {hasEarlier && (
        <li className="earlier">
          <button
            type="button"
            className="btn"
            disabled={loadingEarlier}
            onClick={() => void loadEarlier(id)}
          >
            {loadingEarlier ? t('conversations.loadingEarlier') : t('conversations.earlier')}
          </button>
        </li>
      )}
      {messages.map((message) => (
        <MessageBubble key={message.id} message={message} />
      ))}
      {pending.map((answer) => (
        <li
          key={answer.clientMessageId}
          className={`bubble out pending${answer.internal ? ' internal' : ''}`}
          data-testid="pending-message"
        >
          <p className="bubble-text">{answer.text}</p>
          <div className={`delivery${answer.failed ? ' delivery-failed' : ''}`}>
            {answer.failed ? (
              <>
                {t('conversations.notSent')}{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => retryAnswer(id, answer.clientMessageId)}
                >
                  {t('conversations.retry')}
                </button>
              </>
            ) : (
              t('conversations.sending')
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
