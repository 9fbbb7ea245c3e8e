import type { ConversationListItem } from '@opora/sdk';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/ScreenStates';
import { useStore } from '../../lib/store';
import { ChannelLabel } from './ChannelLabel';
import { contactName } from './contact-name';
import { DialogActions } from './DialogActions';
import { OperatorBar } from './OperatorBar';
import { listStore, loadList, loadMore } from './state/list-store';

/**
 * The queues: «На мне», «На команде», all open or closed conversations, most recent activity first, unread ones
 * marked; a row opens its dialog (`onOpen`). `children` follow the list (the queue's requests).
 */
export function ConversationList({
  selected,
  onOpen,
  children,
}: {
  selected: string | null;
  onOpen: (item: ConversationListItem) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const state = useStore(listStore);
  return (
    <section className="list-pane conversation-list" aria-label={t('conversations.list')}>
      <OperatorBar />
      {state.error !== null && <LoadError error={state.error} onRetry={() => void loadList()} />}
      {!state.loaded ? (
        <Loading />
      ) : state.items.length === 0 ? (
        <p className="empty" data-testid="conversations-empty">
          {t(
            state.filter === 'closed'
              ? 'conversations.emptyClosed'
              : state.filter === 'open'
                ? 'conversations.emptyOpen'
                : `distribution.empty.${state.filter}`,
          )}
        </p>
      ) : (
        <ul className="requests">
          {state.items.map((item) => (
            <li key={item.id} className="conversation-item" data-testid={`queue-item-${item.id}`}>
              <Row item={item} selected={item.id === selected} onOpen={onOpen} />
              <DialogActions item={item} />
            </li>
          ))}
        </ul>
      )}
      {state.hasMore && (
        <div className="pager">
          <button
            type="button"
            className="btn"
            disabled={state.loadingMore}
            onClick={() => void loadMore()}
            data-testid="conversations-more"
          >
            {t('conversations.more')}
          </button>
        </div>
      )}
      {children}
    </section>
  );
}

function Row({
  item,
  selected,
  onOpen,
}: {
  item: ConversationListItem;
  selected: boolean;
  onOpen: (item: ConversationListItem) => void;
}) {
  const { t, i18n } = useTranslation();
  const last = item.lastMessage;
  const preview = last
    ? last.text || (last.attachments.length ? t('conversations.attachmentOnly') : '…')
    : t('conversations.noMessages');
  const unread = item.unread > 0;
  return (
    <button
      type="button"
      data-testid="conversation-row"
      data-unread={unread}
      className={`conversation-row${selected ? ' selected' : ''}${unread ? ' unread' : ''}`}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onOpen(item)}
    >
      <ChannelLabel channel={item.channel} compact />
      <span className="conversation-who">{contactName(item.contact, t('conversations.anonymous'))}</span>
      <span className="when muted">{shortTime(item.lastMessageAt, i18n.language)}</span>
      <span className="preview muted">
        {last?.internal ? `${t('conversations.internal')}: ` : last?.direction === 'out' && '↩ '}
        {preview}
      </span>
      {unread && (
        <span className="conversation-unread" title={t('conversations.unread')} data-testid="unread-marker">
          {item.unread}
        </span>
      )}
    </button>
  );
}

/** Today's time as hours and minutes, an older one as a date. */
function shortTime(at: string, locale: string): string {
  const date = new Date(at);
  const today = new Date().toDateString() === date.toDateString();
  return today
    ? date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString(locale, { day: 'numeric', month: 'short' });
}
