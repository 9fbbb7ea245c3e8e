import type { MessageView } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import './i18n';
import './thread.css';

/** Whose screen the thread is on: the client sees «Вы» and «Служба поддержки», staff see notes too. */
export type ThreadViewer = 'client' | 'staff';

/** A request's messages, oldest first, as chat bubbles: the client's on one side, the specialists' on the other. */
export function ThreadMessages({ messages, viewer }: { messages: MessageView[]; viewer: ThreadViewer }) {
  const { t, i18n } = useTranslation();
  if (!messages.length) return <p className="muted thread-empty">{t('thread.empty')}</p>;
  const when = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <ol className="thread-messages" data-testid="thread-messages">
      {messages.map((m) => (
        <li
          key={m.id}
          className={`thread-message ${m.direction === 'in' ? 'from-client' : 'from-support'}${m.internal ? ' note' : ''}`}
          data-testid="thread-message"
        >
          <div className="thread-meta">
            <strong>{author(m, viewer, t)}</strong>
            <span className="muted">
              {when(m.createdAt)}
              {m.direction === 'in' && m.externalId?.startsWith('<') ? ` · ${t('thread.byEmail')}` : ''}
            </span>
          </div>
          <p className="thread-text">{m.text}</p>
        </li>
      ))}
    </ol>
  );
}

function author(message: MessageView, viewer: ThreadViewer, t: (key: string) => string): string {
  if (message.internal) return t('thread.note');
  if (message.direction === 'in') return viewer === 'client' ? t('thread.you') : t('thread.client');
  return viewer === 'client' ? t('thread.support') : t('thread.specialist');
}
