import type { DefinitionStatus } from '@opora/sdk';
import { useTranslation } from 'react-i18next';

export function StatusBadge({ status }: { status: DefinitionStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}
