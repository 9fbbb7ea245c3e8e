import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { PageWidget } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { useDragHandleAttributes } from '../lib/dnd-accessibility';
import { useCanvas } from './canvas-context';
import type { DropData } from './drag-drop';
import { widgetSummary, widgetTitle } from './widget-summary';

/** A widget on the canvas: its name and a one-line summary of its settings; click to set it up, grip to drag. */
export function WidgetBlock({
  widget,
  columnId,
  index,
}: {
  widget: PageWidget;
  columnId: string;
  index: number;
}) {
  const { t, i18n } = useTranslation();
  const canvas = useCanvas();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: widget.id,
    data: { kind: 'widget', columnId, index } satisfies DropData,
    attributes: useDragHandleAttributes(),
  });
  const name = t(`pageDesigner.widgets.${widget.type}.name`);
  const title = widgetTitle(widget, i18n.language);
  const summary = [name, ...widgetSummary(widget, canvas.lookups, t, i18n.language)].join(' · ');
  const selected = canvas.selected === widget.id;
  const problems = canvas.problems.widgets.get(widget.id);
  return (
    <div
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={['pd-widget', selected && 'selected', isDragging && 'dragging', problems && 'has-problem']
        .filter(Boolean)
        .join(' ')}
      data-testid={`pd-widget-${widget.id}`}
      data-widget-type={widget.type}
    >
      <button
        type="button"
        className="fd-grip"
        {...attributes}
        {...listeners}
        aria-label={t('pageDesigner.dragLabel', { label: title || name })}
      >
        ⠿
      </button>
      <button
        type="button"
        className="pd-widget-main"
        aria-pressed={selected}
        aria-label={t('pageDesigner.widget.select', { label: title || name })}
        onClick={(event) => {
          event.stopPropagation();
          canvas.select(widget.id);
        }}
      >
        <span className="pd-widget-summary">{summary}</span>
        {title && title !== name && <span className="pd-widget-title">«{title}»</span>}
        {problems && (
          <span className="pd-widget-problem" title={problems.map(([, m]) => m).join('; ')}>
            ⚠ {t('pageDesigner.widget.hasProblems')}
          </span>
        )}
      </button>
    </div>
  );
}
