import { type Static, Type } from '@sinclair/typebox';
import { DefinitionKey, ElementId, LText, literals, Strict } from '../common-schemas.js';

const Name = Type.String({ minLength: 1, maxLength: 100 });
const Names = Type.Array(Name, { maxItems: 50 });
const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' });

/**
 * One routing condition set: every condition given must hold (an empty rule matches everything). Keywords are
 * matched against the first client message as Russian words (the knowledge base's stemming), a pattern runs on
 * RE2; a form field or tree path comes from the portal page the dialog started on; a client attribute is a field
 * of the client's record.
 */
export const LineRuleSchema = Strict({
  id: ElementId,
  channels: Type.Optional(Type.Array(DefinitionKey, { maxItems: 50 })),
  keywords: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100 })),
  pattern: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  language: Type.Optional(literals(['ru', 'en'] as const)),
  formField: Type.Optional(Strict({ field: Name, equals: Type.String({ maxLength: 500 }) })),
  treePath: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  clientAttribute: Type.Optional(Strict({ field: Name, equals: Type.String({ maxLength: 500 }) })),
});

/** Weekly working hours in a time zone; a day may have several intervals; holidays are whole dates off. */
export const WorkingHoursSchema = Strict({
  timeZone: Type.String({ minLength: 1, maxLength: 64 }),
  week: Type.Array(
    Strict({ day: Type.Integer({ minimum: 1, maximum: 7 }), from: ClockTime, to: ClockTime }),
    { maxItems: 50 },
  ),
  holidays: Type.Optional(Type.Array(Type.String({ format: 'date' }), { maxItems: 366 })),
});

/**
 * A line: a queue of dialogs on one topic, the channels attached to it, the rules that route dialogs to it, who
 * serves it and when. Lines are tried in ascending `order` (then key); the first line with a matching rule takes
 * the dialog; the `isDefault` line takes what no rule matched.
 */
export const LineBodySchema = Strict({
  schemaVersion: Type.Literal(2),
  title: LText,
  description: Type.Optional(LText),
  /** Channel definitions whose dialogs may come to this line; empty: any channel. */
  channels: Type.Array(DefinitionKey, { maxItems: 50 }),
  order: Type.Integer({ minimum: 0, maximum: 10_000 }),
  isDefault: Type.Optional(Type.Boolean()),
  rules: Type.Array(LineRuleSchema, { maxItems: 100 }),
  /** Operator groups (names set on operators' profiles) that serve the line, and skills each operator must have. */
  groups: Names,
  skills: Names,
  /** Queue priority against other lines for an operator serving several (higher first). */
  priority: Type.Integer({ minimum: 0, maximum: 100 }),
  /** Dialogs an operator leads at once on this line, unless their own profile says otherwise. */
  capacity: Type.Integer({ minimum: 1, maximum: 6 }),
  /** Seconds an assigned dialog may stay unanswered before it is offered to the next operator. */
  offerTimeoutSeconds: Type.Integer({ minimum: 10, maximum: 3600 }),
  /** Absent: the line works around the clock. */
  hours: Type.Optional(WorkingHoursSchema),
  outOfHours: Type.Optional(Strict({ reply: LText, offerRequest: Type.Boolean() })),
  /** Absent: no limit. A dialog over the limit gets `queueFullReply`. */
  maxQueue: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  queueFullReply: Type.Optional(LText),
  /** No operators: the bot answers every dialog. */
  botOnly: Type.Optional(Type.Boolean()),
  /** The bot (definition key) that greets every dialog routed here before it joins the queue; a bot-only line names one. */
  bot: Type.Optional(DefinitionKey),
  /** Service-level targets, in seconds. */
  sla: Type.Optional(
    Strict({
      firstResponseSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 * 86_400 })),
      resolutionSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 * 86_400 })),
    }),
  ),
  /** A dialog the client reopens within this many hours returns to its last operator when they are online. */
  reopenToSameOperatorHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 720 })),
});

export type LineBody = Static<typeof LineBodySchema>;
export type LineRule = Static<typeof LineRuleSchema>;
export type WorkingHours = Static<typeof WorkingHoursSchema>;
