import type { PageBody } from '@opora/runtime/definitions';
import { sanitizeHtml } from '../../html/sanitize.js';

/** Rich-text widgets keep only safe HTML: pages are sanitized when saved, so the portal never renders a script. */
export function sanitizePageBody(body: unknown): unknown {
  const page = body as PageBody;
  return {
    ...page,
    rows: page.rows.map((row) => ({
      ...row,
      columns: row.columns.map((column) => ({
        ...column,
        widgets: column.widgets.map((widget) =>
          widget.type === 'rich-text'
            ? { ...widget, config: { ...widget.config, html: sanitizeHtml(widget.config.html) } }
            : widget,
        ),
      })),
    })),
  };
}
