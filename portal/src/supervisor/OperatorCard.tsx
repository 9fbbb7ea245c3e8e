import type { BoardOperator } from '@opora/sdk';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dialogDragType } from './local-text';
import { assignTo } from './state/assign';

/** An operator of the line with their status and a load bar; a dialog dropped here is given to them. */
export function OperatorCard({ operator }: { operator: BoardOperator }) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const accepts = (event: DragEvent) => event.dataTransfer.types.includes(dialogDragType);
  const share = operator.capacity ? Math.min(1, operator.load / operator.capacity) : 1;
  const full = operator.load >= operator.capacity;
  // A supervisor may give more than the capacity: the bar turns red then.
  const pastCapacity = operator.load > operator.capacity;
  return (
    <li
      className={`sv-operator${over ? ' drop' : ''}`}
      data-testid={`board-operator-${operator.id}`}
      data-status={operator.status}
      onDragOver={(event) => {
        if (!accepts(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        setOver(false);
        const id = event.dataTransfer.getData(dialogDragType);
        if (!id) return;
        event.preventDefault();
        void assignTo(id, operator);
      }}
    >
      <div className="sv-operator-name">
        <span className="status-dot" aria-hidden="true" />
        <span>{operator.name}</span>
        <span className="muted">{t(`supervisor.status.${operator.status}`)}</span>
      </div>
      <div className={`sv-load${pastCapacity ? ' over' : full ? ' full' : ''}`} aria-hidden="true">
        <span style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
      <span
        className="sv-load-text"
        title={t('supervisor.load', { load: operator.load, capacity: operator.capacity })}
      >
        {operator.load}/{operator.capacity}
      </span>
      {over && <span className="sv-drop-hint">{t('supervisor.dropHere')}</span>}
    </li>
  );
}
