import { Type } from '@sinclair/typebox';
import { LText, literals, Strict } from '../../common-schemas.js';

/** A way to reach specialists: open a chat or a form, call, write, or follow a link. */
export const ContactWidgetConfig = Strict({
  title: Type.Optional(LText),
  text: Type.Optional(LText),
  channel: literals(['chat', 'form', 'phone', 'email', 'link']),
  label: LText,
  /** chat / form / link: where the button leads (a portal path or an external address). */
  url: Type.Optional(Type.String({ maxLength: 2000, pattern: '^(https?://|/)' })),
  phone: Type.Optional(Type.String({ maxLength: 50, pattern: '^[+0-9 ()-]{3,50}$' })),
  email: Type.Optional(Type.String({ maxLength: 200, format: 'email' })),
});
