import { type Static, Type } from '@sinclair/typebox';
import { VariableName } from '../../bots/block-shape.js';
import { DefinitionKey, ElementId, literals, Strict } from '../common-schemas.js';

/** What every trigger has: an id and the block it starts at. */
const common = { id: ElementId, next: ElementId };

/**
 * Keyword and phrase triggers normally start a bot that is not in the middle of something; `anytime` lets them
 * interrupt whatever the bot waits for («оператор», «в начало»).
 */
const anytime = Type.Optional(Type.Boolean());

const Phrase = Type.String({ minLength: 1, maxLength: 500 });

/**
 * What starts a trigger chain:
 * - `newDialog` — the client opened a new dialog;
 * - `keyword` — the message has one of `keywords` (by stems: «пароль» matches «пароля») or matches the RE2 `pattern`;
 * - `phrase` — the message is close to one of `examples` (shared stems, knowledge-base synonyms; `threshold` 0…1);
 * - `button` — the client pressed a button whose value is `buttonId` (a menu outside any question);
 * - `event` — a record of `entity` moved to `status`, or a process sent `message`;
 * - `jump` — another bot handed the dialog over (with the named `variables`);
 * - `noReply` — the client said nothing for `seconds` while the bot waited for them;
 * - `schedule` — at `time` (HH:MM in `timeZone`) on `days` (1 = Monday … 7; every day when absent).
 */
export const BotTriggerSchema = Type.Union([
  Strict({ type: Type.Literal('newDialog'), ...common }),
  Strict({
    type: Type.Literal('keyword'),
    ...common,
    keywords: Type.Optional(Type.Array(Phrase, { maxItems: 50 })),
    pattern: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    anytime,
  }),
  Strict({
    type: Type.Literal('phrase'),
    ...common,
    examples: Type.Array(Phrase, { minItems: 1, maxItems: 50 }),
    threshold: Type.Optional(Type.Number({ minimum: 0.1, maximum: 1 })),
    anytime,
  }),
  Strict({ type: Type.Literal('button'), ...common, buttonId: ElementId }),
  Strict({
    type: Type.Literal('event'),
    ...common,
    source: literals(['recordStatus', 'processMessage']),
    entity: Type.Optional(DefinitionKey),
    status: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    message: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  }),
  Strict({
    type: Type.Literal('jump'),
    ...common,
    variables: Type.Optional(Type.Array(VariableName, { maxItems: 200 })),
  }),
  Strict({
    type: Type.Literal('noReply'),
    ...common,
    seconds: Type.Integer({ minimum: 0, maximum: 315_360_000 }),
  }),
  Strict({
    type: Type.Literal('schedule'),
    ...common,
    time: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
    days: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7 })),
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  }),
]);

export type BotTrigger = Static<typeof BotTriggerSchema>;
export type BotTriggerType = BotTrigger['type'];
