import { Type } from '@sinclair/typebox';
import { LText, Strict } from '../../common-schemas.js';

/** News and notices: the current announcements, and optionally the recent past ones. */
export const AnnouncementsWidgetConfig = Strict({
  title: Type.Optional(LText),
  count: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
  includePast: Type.Optional(Type.Boolean()),
});
