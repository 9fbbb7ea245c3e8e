import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { PageRow } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { useDragHandleAttributes } from '../lib/dnd-accessibility';
import { ColumnView } from './Column';
import { useCanvas } from './canvas-context';
import type { DropData } from './drag-drop';
import { Problems } from './inputs';
import { addColumn, maxColumns, moveRow, setColumnWidths, widthPresets, widthSum } from './page-ops';

/** A row of the page: drag it by its grip or move it with the arrows; pick a column layout; delete it. */
export function RowView({ row, index, count }: { row: PageRow; index: number; count: number }) {
  const { t } = useTranslation();
  const canvas = useCanvas();
  const n = index + 1;
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: row.id,
    data: { kind: 'row', index } satisfies DropData,
    attributes: useDragHandleAttributes(),
  });
  const current = row.columns.map((c) => c.width).join('+');
  const sum = widthSum(row);
  return (
    <div
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={isDragging ? 'pd-row dragging' : 'pd-row'}
      data-testid={`pd-row-${index}`}
      data-row={row.id}
    >
      <div className="pd-row-head">
        <button
          type="button"
          className="fd-grip"
          {...attributes}
          {...listeners}
          aria-label={t('pageDesigner.row.drag', { n })}
        >
          ⠿
        </button>
        <strong className="pd-row-name">{t('pageDesigner.row.label', { n })}</strong>
        <fieldset className="segmented pd-presets" aria-label={t('pageDesigner.row.layout', { n })}>
          {widthPresets.map((preset) => {
            const label = preset.join('+');
            return (
              <button
                key={label}
                type="button"
                className={label === current ? 'btn primary' : 'btn'}
                aria-pressed={label === current}
                aria-label={t('pageDesigner.row.presetLabel', { widths: label })}
                data-testid={`pd-preset-${index}-${label}`}
                onClick={() => canvas.edit((b) => setColumnWidths(b, row.id, preset))}
              >
                {label}
              </button>
            );
          })}
        </fieldset>
        <button
          type="button"
          className="btn ghost pd-icon"
          disabled={row.columns.length >= maxColumns}
          aria-label={t('pageDesigner.row.addColumn')}
          title={t('pageDesigner.row.addColumn')}
          onClick={() => canvas.edit((b) => addColumn(b, row.id))}
        >
          <Icon name="addColumn" className="pd-svg" />
        </button>
        <span className="spacer" />
        <button
          type="button"
          className="btn ghost pd-icon"
          disabled={index === 0}
          aria-label={t('pageDesigner.row.moveUp', { n })}
          title={t('pageDesigner.row.moveUp', { n })}
          onClick={() => canvas.edit((b) => moveRow(b, row.id, index - 1))}
        >
          <Icon name="up" className="pd-svg" />
        </button>
        <button
          type="button"
          className="btn ghost pd-icon"
          disabled={index === count - 1}
          aria-label={t('pageDesigner.row.moveDown', { n })}
          title={t('pageDesigner.row.moveDown', { n })}
          onClick={() => canvas.edit((b) => moveRow(b, row.id, index + 1))}
        >
          <Icon name="down" className="pd-svg" />
        </button>
        <button
          type="button"
          className="btn ghost pd-icon danger-text"
          aria-label={t('pageDesigner.row.remove', { n })}
          title={t('pageDesigner.row.remove', { n })}
          data-testid={`pd-remove-row-${index}`}
          onClick={() => canvas.askRemoveRow(row.id)}
        >
          <Icon name="trash" className="pd-svg" />
        </button>
      </div>
      {sum !== 12 && <p className="hint pd-warn">{t('pageDesigner.row.widthSum', { sum })}</p>}
      <Problems messages={canvas.problems.layout.get(row.id) ?? []} />
      <div className="pd-columns">
        {row.columns.map((column, i) => (
          <ColumnView key={column.id} column={column} n={i + 1} removable={row.columns.length > 1} />
        ))}
      </div>
    </div>
  );
}
