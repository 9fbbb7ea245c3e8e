/**
 * The designers draw from the body's structure; a draft broken in the JSON tab (rows not a list, say) is
 * not drawn but sent back there. Only the structure is checked: values are the validator's business.
 */
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const listOf = (v: unknown, item: (x: unknown) => boolean) => Array.isArray(v) && v.every(item);

export const isDrawablePage = (body: unknown): boolean =>
  isObject(body) &&
  isObject(body.title) &&
  typeof body.path === 'string' &&
  listOf(
    body.rows,
    (row) =>
      isObject(row) &&
      listOf(
        row.columns,
        (column) =>
          isObject(column) &&
          typeof column.width === 'number' &&
          listOf(column.widgets, (w) => isObject(w) && typeof w.type === 'string' && isObject(w.config)),
      ),
  );

export const isDrawablePortal = (body: unknown): boolean =>
  isObject(body) &&
  isObject(body.name) &&
  isObject(body.colors) &&
  listOf(body.menu, (item) => isObject(item) && isObject(item.label) && typeof item.to === 'string');
