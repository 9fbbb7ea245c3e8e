import { useEffect } from 'react';
import { openLive } from '../../account/state/live-connection';
import { client } from '../../lib/api';
import { loadBoard } from './board-store';
import { throttle } from './throttle';

/** A safety net for what no push tells (a rating given through an e-mailed link). */
const fallbackMs = 30_000;

/**
 * While the board is on screen it follows the staff socket: any dialog event (new, moved, answered, closed) or a
 * `board` signal (an operator's status) reads it again — at most once a second, however busy the contact centre.
 */
export function useBoardLive(): void {
  useEffect(() => {
    const refetch = throttle(() => void loadBoard(), 1000);
    refetch.call();
    const fallback = setInterval(() => refetch.call(), fallbackMs);
    const live =
      typeof WebSocket === 'undefined'
        ? null
        : openLive({
            url: client.portal.liveUrl(location.origin),
            onReconnect: () => refetch.call(),
            // Whatever changed while the socket was opening was not heard: read once more.
            onFirstOpen: () => refetch.call(),
            onMessage(message) {
              if (message.type === 'conversation' || message.type === 'message' || message.type === 'board')
                refetch.call();
            },
          });
    return () => {
      refetch.cancel();
      clearInterval(fallback);
      live?.close();
    };
  }, []);
}
