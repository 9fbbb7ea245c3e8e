import { Type } from '@sinclair/typebox';

const Severity = Type.Union([Type.Literal('info'), Type.Literal('maintenance'), Type.Literal('outage')]);

export const AnnouncementInputSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    body: Type.Optional(Type.String({ maxLength: 100_000, description: 'HTML; sanitized when saved' })),
    severity: Severity,
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.Optional(
      Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
        description: 'Absent or null: shown until removed or given an end',
      }),
    ),
  },
  { additionalProperties: false },
);

export const AnnouncementSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  body: Type.String(),
  severity: Severity,
  startsAt: Type.String(),
  endsAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
});
