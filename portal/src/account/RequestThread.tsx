import { useTranslation } from 'react-i18next';
import { WidgetError, WidgetLoading } from '../components/WidgetStates';
import { client } from '../lib/api';
import { useAsync } from '../lib/use-async';
import { ThreadComposer } from '../thread/ThreadComposer';
import { ThreadMessages } from '../thread/ThreadMessages';
import { useThreadArrivals } from '../thread/thread-events';

/**
 * The request's thread on the client's request page: the specialists' answers and the client's messages (never
 * the staff's internal notes), and a box to answer. New messages arrive over the live connection.
 */
export function RequestThread({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const arrivals = useThreadArrivals();
  const thread = useAsync(() => client.threads.mine(requestId), [requestId, arrivals]);
  return (
    <section
      className="card account-card request-thread"
      aria-labelledby="request-thread"
      data-testid="request-thread"
    >
      <h2 id="request-thread">{t('thread.title')}</h2>
      {thread.status === 'loading' && <WidgetLoading />}
      {thread.status === 'failed' && <WidgetError error={thread.error} onRetry={thread.reload} />}
      {thread.status === 'ready' && <ThreadMessages messages={thread.data.messages} viewer="client" />}
      <ThreadComposer
        hint={t('thread.mailPromise')}
        actions={[{ label: t('thread.send'), internal: false, primary: true }]}
        onSend={async (text, _internal, clientMessageId) => {
          await client.threads.write(requestId, { text, clientMessageId });
          thread.reload();
        }}
      />
    </section>
  );
}
