import type { RecordItem } from '@opora/sdk';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RequestDetail } from '../components/RequestDetail';
import { LoadError, Loading } from '../components/ScreenStates';
import { client } from '../lib/api';
import { useAsync } from '../lib/use-async';
import { useRequestType } from '../state/use-request-type';
import { describe, paneStore } from './tabs/window-store';

/** A request opened in a tab: its fields, read-only, with the way to its full card. */
export function RequestTab({ id }: { id: string }) {
  const { t } = useTranslation();
  const entity = useRequestType();
  const request = useAsync<RecordItem>(() => client.getRecord('request', id), [id]);
  const number = request.status === 'ready' ? request.data.number : null;
  useEffect(() => {
    if (number !== null) describe('request', id, t('operatorWindow.request', { number }), null);
  }, [id, number, t]);
  if (request.status === 'loading') return <Loading />;
  if (request.status === 'failed') return <LoadError error={request.error} onRetry={request.reload} />;
  return (
    <div className="request-tab">
      <RequestDetail request={request.data} entity={entity} onBack={() => paneStore.set('queues')} />
    </div>
  );
}
