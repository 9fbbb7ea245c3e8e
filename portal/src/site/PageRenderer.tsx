import type { PageBody, PageWidget } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { WidgetEmpty } from '../components/WidgetStates';
import { localText } from '../lib/local-text';
import { columnStyle } from './grid';
import { HeadingLevel, needsHiddenTitle } from './page-heading';
import { rendererOf } from './widgets/registry';
import { WidgetBoundary } from './widgets/WidgetBoundary';
import './site.css';

/** A portal page: rows of columns on a 12-column grid (stacking on phones), each column a stack of widgets. */
export function PageRenderer({ body }: { body: PageBody }) {
  const { i18n } = useTranslation();
  const firstId = body.rows[0]?.columns[0]?.widgets[0]?.id;
  return (
    <div className="site-page" data-testid="site-page">
      {needsHiddenTitle(body) && <h1 className="sr-only">{localText(body.title, i18n.language)}</h1>}
      {body.rows.map((row) => (
        <div key={row.id} className="site-row">
          {row.columns.map((column) => (
            <div key={column.id} className="site-column" style={columnStyle(column.width)}>
              {column.widgets.map((widget) => (
                <HeadingLevel.Provider key={widget.id} value={widget.id === firstId ? 'h1' : 'h2'}>
                  <PageWidgetView widget={widget} />
                </HeadingLevel.Provider>
              ))}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

function PageWidgetView({ widget }: { widget: PageWidget }) {
  const { t } = useTranslation();
  const Renderer = rendererOf(widget.type);
  if (!Renderer) return <WidgetEmpty>{t('site.widgetUnknown', { type: widget.type })}</WidgetEmpty>;
  return (
    <WidgetBoundary fallback={t('site.widgetFailed')}>
      <Renderer id={widget.id} config={widget.config} />
    </WidgetBoundary>
  );
}
