import { Type } from '@sinclair/typebox';
import { UserSchema } from '../../http/schemas.js';
import { RecordSchema } from '../records/record-routes.js';

const LocalText = Type.Object({ ru: Type.String(), en: Type.Optional(Type.String()) });

export const SignupBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    email: Type.String({ format: 'email', maxLength: 200 }),
    password: Type.String({ minLength: 8, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const SessionSchema = Type.Object({ user: UserSchema, csrfToken: Type.String() });

const Status = Type.Union([
  Type.Object({
    value: Type.String(),
    label: LocalText,
    color: Type.Union([Type.String(), Type.Null()]),
  }),
  Type.Null(),
]);

const myRequestFields = {
  id: Type.String(),
  number: Type.Integer(),
  title: Type.String(),
  status: Status,
  createdAt: Type.String(),
  updatedAt: Type.String(),
};

export const MyRequestSchema = Type.Object(myRequestFields);

export const MyRequestDetailSchema = Type.Object({
  ...myRequestFields,
  record: RecordSchema,
  entity: Type.Unknown({ description: 'The published body of the request data type' }),
  history: Type.Array(
    Type.Object({
      at: Type.String(),
      by: Type.Union([Type.String(), Type.Null()]),
      action: Type.Union([Type.Literal('create'), Type.Literal('update')]),
      status: Type.Union([
        Type.Object({
          from: Type.Union([LocalText, Type.Null()]),
          to: Type.Union([LocalText, Type.Null()]),
        }),
        Type.Null(),
      ]),
      fields: Type.Array(LocalText),
    }),
  ),
});

export const NotificationSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  text: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  readAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});

export const MarkReadBody = Type.Object(
  { ids: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 500 })) },
  { additionalProperties: false },
);
