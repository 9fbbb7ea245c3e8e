import type { RecordItem } from '@opora/sdk';
import type { ReactNode } from 'react';
import { LoadError, Loading } from '../../components/ScreenStates';
import { client } from '../../lib/api';
import { useAsync } from '../../lib/use-async';
import type { ScreenForm } from '../state/screen-form';
import { useScreenForm } from '../state/use-screen-form';

/** What a card is drawn from: the type's card form (else its edit form), the organisation's time zone, the record. */
export interface CardSource {
  screen: ScreenForm;
  timeZone: string;
  record: RecordItem;
}

const purposes = ['card', 'edit'] as const;

/**
 * Loads a record and the form its card shows, with the loading and error states, for the full card screen and the
 * read-only card beside a dialog alike.
 */
export function CardLoader({
  entity,
  id,
  children,
}: {
  entity: string;
  id: string;
  children(source: CardSource): ReactNode;
}) {
  const form = useScreenForm(entity, purposes);
  const record = useAsync(() => client.getRecord(entity, id), [entity, id]);
  if (form.status === 'failed') return <LoadError error={form.error} onRetry={form.reload} />;
  if (record.status === 'failed') return <LoadError error={record.error} onRetry={record.reload} />;
  if (form.status === 'loading' || record.status === 'loading') return <Loading />;
  return children({ screen: form.data.screen, timeZone: form.data.timeZone, record: record.data });
}
