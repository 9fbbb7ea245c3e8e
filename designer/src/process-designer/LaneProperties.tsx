import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import type { ProcessLane } from './lane-ops';

/** The selected lane: its name, how many nodes stand on it, and a delete button (its nodes stay). */
export function LaneProperties({
  lane,
  nodes,
  onRename,
  onRemove,
}: {
  lane: ProcessLane;
  nodes: number;
  onRename: (name: string) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="bd-props" data-testid="prd-lane-panel" data-lane={lane.id}>
      <h3>
        {t('processDesigner.lane.title')}
        <code>{lane.id}</code>
      </h3>
      <label className="bd-field">
        <span>{t('processDesigner.lane.name')}</span>
        <input
          value={lane.name ?? ''}
          maxLength={500}
          data-testid="prd-lane-name"
          onChange={(e) => onRename(e.target.value)}
        />
      </label>
      <p className="muted" data-testid="prd-lane-count">
        {t('processDesigner.lane.nodes', { count: nodes })}
      </p>
      <p className="muted">{t('processDesigner.lane.hint')}</p>
      <button type="button" className="btn danger" data-testid="prd-remove-lane" onClick={onRemove}>
        <Icon name="trash" size={14} /> {t('processDesigner.lane.remove')}
      </button>
    </section>
  );
}
