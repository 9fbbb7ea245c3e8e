import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';

/** Several elements selected: how many, how to change the selection, and one button to delete them all. */
export function SelectionProperties({ count, onRemove }: { count: number; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="bd-props" data-testid="prd-selection-panel">
      <h3 data-testid="prd-selection-count">{t('processDesigner.selection.count', { count })}</h3>
      <p className="muted">{t('processDesigner.selection.hint')}</p>
      <button type="button" className="btn danger" data-testid="prd-remove-selection" onClick={onRemove}>
        <Icon name="trash" size={14} /> {t('processDesigner.selection.remove')}
      </button>
    </section>
  );
}
