import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, usePath } from '../../lib/router';
import { useStore } from '../../lib/store';
import { isStaff, useSession } from '../../state/session';
import { ConversationList } from './ConversationList';
import { ConversationThread } from './ConversationThread';
import { conversationsPath } from './paths';
import { closeThread } from './state/thread-store';
import { titleWithUnread, unreadStore } from './state/unread-store';
import { useConversationsLive } from './state/use-conversations-live';
import './conversations.css';
import './distribution.css';
import './i18n';
import './distribution-i18n';

/** «Диалоги»: every channel's conversations for staff, until lines and the single window distribute them. */
export function ConversationsPage() {
  const { t } = useTranslation();
  const path = usePath();
  const session = useSession();
  useEffect(() => {
    if (session.status === 'anonymous') navigate(`/login?${new URLSearchParams({ next: path })}`, true);
  }, [session.status, path]);
  if (session.status !== 'signed-in') return null;
  if (!isStaff(session.user)) return <p className="empty">{t('operator.staffOnly')}</p>;
  const selected = path.startsWith(`${conversationsPath}/`)
    ? decodeURIComponent(path.slice(conversationsPath.length + 1).split(/[?#/]/)[0] ?? '')
    : null;
  return <Conversations selected={selected || null} />;
}

function Conversations({ selected }: { selected: string | null }) {
  const { t } = useTranslation();
  useConversationsLive();
  const unread = useStore(unreadStore);
  useEffect(() => {
    const before = document.title;
    document.title = titleWithUnread(t('conversations.title'), unread);
    return () => {
      document.title = before;
    };
  }, [unread, t]);
  useEffect(() => {
    if (!selected) closeThread();
  }, [selected]);
  return (
    <div className={`conversations${selected ? ' has-detail' : ''}`} data-testid="conversations-page">
      <h1 className="sr-only">{t('conversations.title')}</h1>
      <ConversationList selected={selected} />
      <div className="detail-pane thread-pane">
        {selected ? (
          <ConversationThread key={selected} id={selected} />
        ) : (
          <p className="empty">{t('conversations.pickOne')}</p>
        )}
      </div>
    </div>
  );
}
