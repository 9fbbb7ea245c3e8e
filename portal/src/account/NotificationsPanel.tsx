import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { WidgetEmpty, WidgetError, WidgetLoading } from '../components/WidgetStates';
import {
  loadMoreNotifications,
  loadNotifications,
  markNotificationsRead,
  useNotifications,
} from './state/notifications';

/** «Уведомления»: newest first, unread ones marked; each can be marked read, or all at once. */
export function NotificationsPanel() {
  const { t, i18n } = useTranslation();
  const state = useNotifications();
  const box = useRef<HTMLElement>(null);
  const [more, setMore] = useState(false);
  // The header badge links to #notifications; the router does not scroll to anchors itself.
  useEffect(() => {
    if (location.hash === '#notifications') box.current?.scrollIntoView({ block: 'start' });
  }, []);
  let content: ReactNode;
  if (state.status === 'failed' && state.items.length === 0)
    content = <WidgetError error={state.error} onRetry={() => void loadNotifications()} />;
  else if (state.status !== 'ready' && state.items.length === 0) content = <WidgetLoading />;
  else if (state.items.length === 0)
    content = <WidgetEmpty>{t('myAccount.notifications.empty')}</WidgetEmpty>;
  else
    content = (
      <ul className="notifications" data-testid="notifications">
        {state.items.map((n) => (
          <li
            key={n.id}
            className={n.readAt ? 'notification' : 'notification unread'}
            data-testid="notification"
          >
            <div className="notification-text">
              <strong>
                {!n.readAt && <span className="unread-dot" title={t('myAccount.notifications.isNew')} />}
                {n.title}
              </strong>
              {n.text && <span>{n.text}</span>}
              <time className="muted" dateTime={n.createdAt}>
                {new Date(n.createdAt).toLocaleString(i18n.language, {
                  dateStyle: 'short',
                  timeStyle: 'short',
                })}
              </time>
            </div>
            <div className="notification-actions">
              {n.link?.startsWith('/') && (
                <Link
                  to={n.link}
                  className="btn"
                  onClick={() => {
                    if (!n.readAt) void markNotificationsRead([n.id]);
                  }}
                >
                  {t('myAccount.notifications.open')}
                </Link>
              )}
              {!n.readAt && (
                <button
                  type="button"
                  className="btn ghost"
                  onClick={() => void markNotificationsRead([n.id])}
                >
                  {t('myAccount.notifications.markRead')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    );
  return (
    <section className="card account-card" id="notifications" ref={box} aria-labelledby="notifications-title">
      <header className="account-card-head">
        <h2 id="notifications-title">
          {t('myAccount.notifications.title')}{' '}
          {state.unread > 0 && (
            <span className="unread-count" data-testid="notifications-unread">
              {state.unread}
            </span>
          )}
        </h2>
        {state.unread > 0 && (
          <button type="button" className="btn ghost" onClick={() => void markNotificationsRead()}>
            {t('myAccount.notifications.markAll')}
          </button>
        )}
      </header>
      {content}
      {state.items.length < state.total && (
        <button
          type="button"
          className="btn"
          disabled={more}
          onClick={() => {
            setMore(true);
            void loadMoreNotifications().finally(() => setMore(false));
          }}
        >
          {t('myAccount.notifications.more')}
        </button>
      )}
    </section>
  );
}
