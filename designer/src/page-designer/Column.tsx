import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { PageColumn } from '@opora/runtime/definitions';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { useCanvas } from './canvas-context';
import type { DropData } from './drag-drop';
import { Problems } from './inputs';
import { removeColumn, setColumnWidth } from './page-ops';
import { WidgetBlock } from './WidgetBlock';

const widths = Array.from({ length: 12 }, (_, i) => i + 1);

/** A column of a row: a drop zone and a sortable list of widgets, with its width and removal. */
export function ColumnView({ column, n, removable }: { column: PageColumn; n: number; removable: boolean }) {
  const { t } = useTranslation();
  const canvas = useCanvas();
  const { setNodeRef, isOver } = useDroppable({
    id: `column:${column.id}`,
    data: { kind: 'column', columnId: column.id } satisfies DropData,
  });
  const target = canvas.targetColumn === column.id;
  return (
    <section
      className={['pd-column', isOver && 'over', target && 'target'].filter(Boolean).join(' ')}
      style={{ '--pd-span': column.width } as CSSProperties}
      aria-label={t('pageDesigner.column.label', { n })}
      data-column={column.id}
    >
      <div className="pd-column-head">
        <button
          type="button"
          className="pd-column-name"
          aria-pressed={target}
          title={t(target ? 'pageDesigner.column.selected' : 'pageDesigner.column.select')}
          onClick={() => canvas.chooseColumn(column.id)}
        >
          {t('pageDesigner.column.label', { n })}
        </button>
        <select
          className="pd-width"
          aria-label={t('pageDesigner.column.width', { n })}
          value={column.width}
          data-testid={`pd-width-${column.id}`}
          onChange={(e) => canvas.edit((b) => setColumnWidth(b, column.id, Number(e.target.value)))}
        >
          {widths.map((w) => (
            <option key={w} value={w}>
              {w}/12
            </option>
          ))}
        </select>
        {removable && (
          <button
            type="button"
            className="btn ghost pd-icon"
            aria-label={t('pageDesigner.column.remove', { n })}
            title={t('pageDesigner.column.remove', { n })}
            onClick={() => canvas.edit((b) => removeColumn(b, column.id))}
          >
            <Icon name="remove" className="pd-svg" />
          </button>
        )}
      </div>
      <Problems messages={canvas.problems.layout.get(column.id) ?? []} />
      <SortableContext items={column.widgets.map((w) => w.id)} strategy={verticalListSortingStrategy}>
        <div ref={setNodeRef} className="pd-column-body" data-container={column.id}>
          {column.widgets.length === 0 && <div className="fd-empty">{t('pageDesigner.column.dropHere')}</div>}
          {column.widgets.map((widget, index) => (
            <WidgetBlock key={widget.id} widget={widget} columnId={column.id} index={index} />
          ))}
        </div>
      </SortableContext>
    </section>
  );
}
