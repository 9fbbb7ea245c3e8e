import type { MyRequest } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../components/StatusBadge';
import { localText } from '../lib/local-text';

/** A request's status as the coloured pill the analyst designed. */
export function RequestStatus({ status }: { status: MyRequest['status'] }) {
  const { i18n } = useTranslation();
  if (!status) return null;
  return <StatusBadge label={localText(status.label, i18n.language)} color={status.color ?? undefined} />;
}
