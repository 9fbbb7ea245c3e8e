import { useEffect, useRef } from 'react';
import i18n from '../i18n';
import { client } from '../lib/api';
import { useSession } from '../state/session';

let requested = false;

/**
 * Puts the chat widget on every portal page: `/widget.js` (the same script other sites include) is loaded once,
 * after the page, for the portal's widget channel; nothing is loaded when no widget channel is published. The
 * staff screens (`hidden`) hide it: operators answer chats there, not in a chat of their own.
 */
export function useSiteChat(hidden: boolean): void {
  useEffect(() => {
    if (requested) return;
    requested = true;
    client.portal
      .widgetChannel()
      .then(({ key }) => {
        if (!key) return;
        const script = document.createElement('script');
        script.src = '/widget.js';
        script.async = true;
        script.dataset.channel = key;
        script.dataset.lang = i18n.language;
        document.body.append(script);
      })
      .catch(() => undefined); // no chat is better than a broken page
  }, []);
  useEffect(() => {
    document.body.classList.toggle('site-chat-hidden', hidden);
  }, [hidden]);
  // A sign-in or sign-out changes whose chat it is: the widget starts its session again.
  const session = useSession();
  const userId =
    session.status === 'signed-in' ? session.user.id : session.status === 'anonymous' ? '' : null;
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (userId === null) return;
    if (seen.current !== null && seen.current !== userId) dispatchEvent(new Event('opora-widget:session'));
    seen.current = userId;
  }, [userId]);
}
