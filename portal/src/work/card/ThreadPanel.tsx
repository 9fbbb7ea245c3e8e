import { ApiError } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
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
