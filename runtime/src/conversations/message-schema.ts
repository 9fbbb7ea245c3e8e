import { Type } from '@sinclair/typebox';
import { messageLimits } from './limits.js';

const ButtonSchema = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: messageLimits.buttonLabel }),
    value: Type.String({ minLength: 1, maxLength: messageLimits.buttonValue }),
  },
  { additionalProperties: false },
);

const Buttons = Type.Array(ButtonSchema, { minItems: 1, maxItems: messageLimits.buttons });

/** The rich parts of a message: the same shape in the store, the widget's API and the webhook API. */
export const MessagePartSchema = Type.Union([
  Type.Object({ type: Type.Literal('buttons'), buttons: Buttons }, { additionalProperties: false }),
  Type.Object(
    { type: Type.Literal('choice'), options: Buttons, multiple: Type.Boolean() },
    { additionalProperties: false },
  ),
]);

export const AttachmentRefSchema = Type.Object(
  {
    fileId: Type.String({ minLength: 1, maxLength: 100 }),
    name: Type.String({ minLength: 1, maxLength: 255 }),
    contentType: Type.String({ minLength: 1, maxLength: 255 }),
    size: Type.Integer({ minimum: 0, maximum: messageLimits.attachmentBytes }),
  },
  { additionalProperties: false },
);

/** A message as a writer hands it over (an operator, a bot, the webhook API): bounded in every dimension. */
export const MessageDraftSchema = Type.Object(
  {
    text: Type.String({ maxLength: messageLimits.text }),
    parts: Type.Array(MessagePartSchema, { maxItems: messageLimits.parts }),
    attachments: Type.Array(AttachmentRefSchema, { maxItems: messageLimits.attachments }),
  },
  { additionalProperties: false },
);
