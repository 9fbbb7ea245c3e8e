import { Type } from '@sinclair/typebox';
import { LText, Strict } from '../../common-schemas.js';

/** The signed-in client's latest requests with their status; visitors are offered to sign in. */
export const MyRequestsWidgetConfig = Strict({
  title: Type.Optional(LText),
  count: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
});
