import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { PageBody } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { useCanvas } from './canvas-context';
import { RowView } from './Row';

/** The page as rows of columns of widget blocks; clicking the background deselects. */
export function Canvas({ body }: { body: PageBody }) {
  const { t } = useTranslation();
  const canvas = useCanvas();
  return (
    <section
      className="pd-canvas"
      aria-label={t('pageDesigner.canvas')}
      onClick={() => canvas.select(null)}
      onKeyDown={() => undefined}
    >
      {body.rows.length === 0 && <p className="empty pd-empty-page">{t('pageDesigner.emptyPage')}</p>}
      <SortableContext items={body.rows.map((r) => r.id)} strategy={verticalListSortingStrategy}>
        {body.rows.map((row, index) => (
          <RowView key={row.id} row={row} index={index} count={body.rows.length} />
        ))}
      </SortableContext>
      <button
        type="button"
        className="btn pd-add-row"
        data-testid="pd-add-row"
        onClick={(event) => {
          event.stopPropagation();
          canvas.addRow();
        }}
      >
        + {t('pageDesigner.addRow')}
      </button>
    </section>
  );
}
