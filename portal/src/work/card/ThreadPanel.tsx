import { ApiError } from '@opora/sdk';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { openLive } from '../../account/state/live-connection';
import { LoadError, Loading } from '../../components/ScreenStates';
import { client } from '../../lib/api';
import { useAsync } from '../../lib/use-async';
import { ThreadComposer } from '../../thread/ThreadComposer';
import { ThreadMessages } from '../../thread/ThreadMessages';

/**
 * «Переписка» on a request's card: the request's thread with the client (internal notes included) and a box to
 * answer the client — also mailed to them — or leave a note for colleagues. Other records have no thread: the
 * server says so (404) and the panel is not shown.
 */
export function ThreadPanel({ entityKey, id }: { entityKey: string; id: string }) {
  const { t } = useTranslation();
  const thread = useAsync(() => client.threads.ofRecord(entityKey, id), [entityKey, id]);
  useThreadLive(thread.status === 'ready' ? thread.data.conversation.id : null, thread.reload);
  if (thread.status === 'failed' && thread.error instanceof ApiError && thread.error.status === 404)
    return null;
  return (
    <section className="sheet card-thread" aria-labelledby="card-thread" data-testid="card-thread">
      <h2 id="card-thread">{t('thread.title')}</h2>
      {thread.status === 'loading' && <Loading />}
      {thread.status === 'failed' && <LoadError error={thread.error} onRetry={thread.reload} />}
      {thread.status === 'ready' && <ThreadMessages messages={thread.data.messages} viewer="staff" />}
      {thread.status !== 'failed' && (
        <ThreadComposer
          hint={t('thread.mailed')}
          actions={[
            { label: t('thread.reply'), internal: false, primary: true },
            { label: t('thread.addNote'), internal: true },
          ]}
          onSend={async (text, internal, clientMessageId) => {
            await client.threads.answer(entityKey, id, { text, internal, clientMessageId });
            thread.reload();
          }}
        />
      )}
    </section>
  );
}

/**
 * Staff sockets hear every conversation's messages (the contact centre's room): the panel reads its thread again
 * when one of them is its own, or when the connection comes back after a break.
 */
function useThreadLive(conversationId: string | null, reload: () => void): void {
  useEffect(() => {
    if (!conversationId || typeof WebSocket === 'undefined') return;
    const live = openLive({
      url: client.portal.liveUrl(location.origin),
      onMessage(message) {
        if (message.type === 'message' && message.message.conversationId === conversationId) reload();
      },
      onReconnect: reload,
    });
    return () => live.close();
  }, [conversationId, reload]);
}
