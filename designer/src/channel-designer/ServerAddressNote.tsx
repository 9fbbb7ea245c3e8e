import { useTranslation } from 'react-i18next';

/**
 * The addresses to copy are built from the address the designer was opened at, since the server does not tell its
 * public one; an admin on an internal address is told to put the public one in. Said after the address's own hint.
 */
export function ServerAddressNote() {
  const { t } = useTranslation();
  return <>{t('channelDesigner.serverAddress')}</>;
}
