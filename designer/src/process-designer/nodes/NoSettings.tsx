import { useTranslation } from 'react-i18next';

/** Gateways and plain sub-processes have no settings: their flows carry the conditions. */
export function NoSettings() {
  const { t } = useTranslation();
  return <p className="muted">{t('processDesigner.panel.noSettings')}</p>;
}
