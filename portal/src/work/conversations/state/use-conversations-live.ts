import type { MessageView } from '@opora/sdk';
import { useEffect, useRef } from 'react';
import { client } from '../../../lib/api';
import { noteRequestChanged } from '../../../state/request-counts';
import { watchIdle } from './idle-watch';
import { applyListConversation, applyListMessage, loadList } from './list-store';
import { refreshOperator, refreshOperatorSoon } from './operator-store';
import { openStaffLive } from './staff-live';
import {
  applyThreadConversation,
  applyThreadMessage,
  markSeenOnReturn,
  readingStore,
  refreshCachedThreads,
} from './thread-store';
import { refreshUnread } from './unread-store';

/**
 * While the operator's window is on screen: the list and every open dialog follow the staff socket; after a break
 * they are read again (anything may have happened meanwhile); coming back to the tab marks what arrived as seen.
 * `onMessage` hears each live message too (the window counts a tab's unread and chimes).
 */
export function useConversationsLive(onMessage?: (message: MessageView) => void): void {
  const listener = useRef(onMessage);
  listener.current = onMessage;
  useEffect(() => {
    void loadList();
    refreshUnread(0);
    void refreshOperator();
    const stopIdle = watchIdle();
    if (typeof WebSocket === 'undefined') return stopIdle;
    const live = openStaffLive({
      url: client.portal.liveUrl(location.origin),
      onEvent(event) {
        if (event.type === 'request') return noteRequestChanged();
        refreshOperatorSoon();
        if (event.type === 'message') {
          // First the listener: it tells a new message from an update by what the stores held before.
          listener.current?.(event.message);
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
        refreshCachedThreads();
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

/** The conversation the operator is reading right now (the active tab, in view), whose messages are not unread. */
function visibleThread(): string | null {
  return document.visibilityState === 'visible' ? readingStore.get() : null;
}
