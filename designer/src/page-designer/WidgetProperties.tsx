import type { PageBody, PageWidget, PageWidgetType } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { Problems } from './inputs';
import { problemsAt } from './problem-index';
import type { PageLookups } from './use-page-lookups';
import {
  columnsInOrder,
  locateWidget,
  moveWidget,
  nudgeWidget,
  removeWidget,
  updateWidgetConfig,
} from './widget-ops';
import type { PanelProps, WidgetPanel } from './widgets/panel-types';
import { widgetPanels } from './widgets/registry';

/** The selected widget: move it (the keyboard way), delete it, and its type's own settings panel. */
export function WidgetProperties({
  body,
  widget,
  problems,
  lookups,
  edit,
}: {
  body: PageBody;
  widget: PageWidget;
  problems: [string, string][] | undefined;
  lookups: PageLookups;
  edit: (change: (body: PageBody) => PageBody, select?: string | null) => void;
}) {
  const { t } = useTranslation();
  const at = locateWidget(body, widget.id);
  const columns = columnsInOrder(body);
  const here = columns.findIndex((c) => c.id === at?.columnId);
  const count = columns[here]?.widgets.length ?? 0;
  const nudge = (direction: 'up' | 'down' | 'left' | 'right') =>
    edit((b) => nudgeWidget(b, widget.id, direction));
  const arrow = (direction: 'up' | 'down' | 'left' | 'right', disabled: boolean) => (
    <button
      type="button"
      className="btn pd-icon"
      disabled={disabled}
      aria-label={t(`pageDesigner.widget.move${direction[0]?.toUpperCase()}${direction.slice(1)}`)}
      title={t(`pageDesigner.widget.move${direction[0]?.toUpperCase()}${direction.slice(1)}`)}
      onClick={() => nudge(direction)}
    >
      <Icon name={direction} className="pd-svg" />
    </button>
  );
  const own = (problems ?? []).filter(([p]) => p === '').map(([, m]) => m);
  return (
    <aside
      className="fd-properties pd-properties"
      aria-label={t('pageDesigner.properties')}
      data-testid="pd-properties"
    >
      <h3>{t(`pageDesigner.widgets.${widget.type}.name`)}</h3>
      <div className="toolbar pd-move">
        {arrow('up', !at || at.index === 0)}
        {arrow('down', !at || at.index >= count - 1)}
        {arrow('left', here <= 0)}
        {arrow('right', here < 0 || here >= columns.length - 1)}
        <button
          type="button"
          className="btn danger"
          data-testid="pd-remove-widget"
          onClick={() => edit((b) => removeWidget(b, widget.id), null)}
        >
          {t('pageDesigner.widget.remove')}
        </button>
        <select
          aria-label={t('pageDesigner.widget.moveTo')}
          value=""
          onChange={(e) => {
            const target = columns.find((c) => c.id === e.target.value);
            if (target) edit((b) => moveWidget(b, widget.id, target.id, target.widgets.length));
          }}
        >
          <option value="">{t('pageDesigner.widget.moveTo')}</option>
          {body.rows.flatMap((row, r) =>
            row.columns.map((column, c) => (
              <option key={column.id} value={column.id} disabled={column.id === at?.columnId}>
                {t('pageDesigner.widget.columnOption', { row: r + 1, column: c + 1 })}
              </option>
            )),
          )}
        </select>
      </div>
      <Problems messages={own} />
      <div className="form pd-panel" key={widget.id}>
        <PanelFor
          widget={widget}
          lookups={lookups}
          problems={(path) => problemsAt(problems, path)}
          onChange={(config) => edit((b) => updateWidgetConfig(b, widget.id, config))}
        />
      </div>
    </aside>
  );
}

/** The panel of the widget's own type; the registry guarantees that panel takes this type's settings. */
function PanelFor({
  widget,
  ...props
}: { widget: PageWidget } & Omit<PanelProps<PageWidgetType>, 'config' | 'onChange'> & {
    onChange: (config: PageWidget['config']) => void;
  }) {
  const Panel = widgetPanels[widget.type] as WidgetPanel<PageWidgetType> | undefined;
  if (!Panel) return null;
  return (
    <Panel
      {...props}
      config={widget.config}
      onChange={props.onChange as PanelProps<PageWidgetType>['onChange']}
    />
  );
}
