import { useEffect } from 'react';
import { client } from '../../lib/api';
import { isStaff, useSession } from '../../state/session';
import { threadMessageArrived } from '../../thread/thread-events';
import { openLive } from './live-connection';
import { addNotification, forgetNotifications, loadNotifications } from './notifications';
import { requestChanged } from './request-events';

/**
 * While a client is signed in: their notifications are loaded and a live connection pushes request changes and
 * new notifications, so the account updates without a reload. Signing out closes it and forgets them.
 */
export function useClientLive(): void {
  const session = useSession();
  const clientId = session.status === 'signed-in' && !isStaff(session.user) ? session.user.id : null;
  useEffect(() => {
    if (!clientId || typeof WebSocket === 'undefined') return;
    void loadNotifications();
    const live = openLive({
      url: client.portal.liveUrl(location.origin),
      onMessage(message) {
        if (message.type === 'request') requestChanged();
        else if (message.type === 'notification') addNotification(message.notification);
        else if (message.type === 'message') threadMessageArrived();
      },
      onReconnect() {
        requestChanged();
        threadMessageArrived();
        void loadNotifications();
      },
    });
    return () => {
      live.close();
      forgetNotifications();
    };
  }, [clientId]);
}
