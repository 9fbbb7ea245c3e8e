import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { ElementId, LText, literals, Strict } from '../common-schemas.js';
import { type PageWidgetType, pageWidgetConfigs } from './widgets/index.js';

/** Who may see a page (or a menu item): visitors, signed-in clients, staff. */
export const PortalAudience = Type.Array(literals(['anonymous', 'client', 'staff']), {
  uniqueItems: true,
  minItems: 1,
});

const widgetOf = <T extends PageWidgetType>(type: T) =>
  Strict({ id: ElementId, type: Type.Literal(type), config: pageWidgetConfigs[type] as TSchema });

export const PageWidgetSchema = Type.Union(
  (Object.keys(pageWidgetConfigs) as PageWidgetType[]).map((type) => widgetOf(type)),
);

export const PageColumnSchema = Strict({
  id: ElementId,
  /** Share of the row on a desktop, out of 12; columns stack on phones. */
  width: Type.Integer({ minimum: 1, maximum: 12 }),
  widgets: Type.Array(PageWidgetSchema, { maxItems: 50 }),
});

export const PageRowSchema = Strict({
  id: ElementId,
  columns: Type.Array(PageColumnSchema, { minItems: 1, maxItems: 4 }),
});

/** A portal page (kind `page`): rows of columns of widgets, published at its path. */
export const PageBodySchema = Strict({
  schemaVersion: Type.Literal(1),
  title: LText,
  /** Shown to search engines and link previews. */
  description: Type.Optional(LText),
  path: Type.String({ pattern: '^/[a-z0-9/_-]*$', maxLength: 200 }),
  audience: Type.Optional(PortalAudience),
  rows: Type.Array(PageRowSchema, { maxItems: 200 }),
});

export type PageWidgetConfig<T extends PageWidgetType> = Static<(typeof pageWidgetConfigs)[T]>;
/** A widget with its settings typed by its type id. */
export type PageWidget = {
  [T in PageWidgetType]: { id: string; type: T; config: PageWidgetConfig<T> };
}[PageWidgetType];
export interface PageColumn {
  id: string;
  width: number;
  widgets: PageWidget[];
}
export interface PageRow {
  id: string;
  columns: PageColumn[];
}
export type PageBody = Omit<Static<typeof PageBodySchema>, 'rows'> & { rows: PageRow[] };
