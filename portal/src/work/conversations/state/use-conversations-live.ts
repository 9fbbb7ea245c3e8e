import { useEffect } from 'react';
import { client } from '../../../lib/api';
import { watchIdle } from './idle-watch';
import { applyListConversation, applyListMessage, loadList } from './list-store';
import { refreshOperator, refreshOperatorSoon } from './operator-store';
import { openStaffLive } from './staff-live';
import {
  applyThreadConversation,
  applyThreadMessage,
  markSeenOnReturn,
  openThread,
  threadStore,
} from './thread-store';
import { refreshUnread } from './unread-store';

/**
 * While «Диалоги» is on screen: the list and the open conversation follow the staff socket; after a break they
 * are read again (anything may have happened meanwhile); coming back to the tab marks what arrived as seen.
 */
export function useConversationsLive(): void {
  useEffect(() => {
    void loadList();
    refreshUnread(0);
    void refreshOperator();
    const stopIdle = watchIdle();
    if (typeof WebSocket === 'undefined') return stopIdle;
    const live = openStaffLive({
      url: client.portal.liveUrl(location.origin),
      onEvent(event) {
        refreshOperatorSoon();
        if (event.type === 'message') {
          applyListMessage(event.message, visibleThread());
          applyThreadMessage(event.message, event.partial).catch(() => undefined);
        } else {
          applyListConversation(event.conversation);
          applyThreadConversation(event.conversation);
        }
      },
      onReconnect() {
        void loadList();
        void refreshOperator();
        refreshUnread(0);
        const id = threadStore.get().id;
        if (id) void openThread(id);
      },
    });
    const onVisible = () => {
      if (document.visibilityState === 'visible') markSeenOnReturn();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopIdle();
      live.close();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
}

/** The conversation the operator is reading right now (open and the tab in view), whose messages are not unread. */
function visibleThread(): string | null {
  return document.visibilityState === 'visible' ? threadStore.get().id : null;
}
