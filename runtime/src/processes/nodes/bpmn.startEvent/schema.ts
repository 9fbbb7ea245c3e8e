import { type Static, Type } from '@sinclair/typebox';
import { DefinitionKey, literals, Strict } from '../../../definitions/common-schemas.js';
import { type NodeShape, nodeSchema } from '../../node-shape.js';

/**
 * Where an instance starts: by hand or the API (`none`), a submitted `form`, a `record` of `entity` created or
 * put into `status`, a `timer` (`cron` or `timeDate`), or a `message` from a bot or the API. The server decides
 * when a trigger fires; the engine starts the token here.
 */
export const StartEventSchema = nodeSchema(
  'bpmn.startEvent',
  Strict({
    trigger: literals(['none', 'form', 'record', 'timer', 'message']),
    form: Type.Optional(DefinitionKey),
    entity: Type.Optional(DefinitionKey),
    on: Type.Optional(literals(['created', 'statusChanged'])),
    status: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    cron: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    timeDate: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    message: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  }),
);
export type StartEventNode = Static<typeof StartEventSchema>;

export const startEventShape: NodeShape<StartEventNode> = {
  schema: StartEventSchema,
  category: 'event',
  waits: false,
  reads: () => [],
  problems(node) {
    const c = node.config;
    const missing = (field: string, ru: string, en: string) => ({
      pointer: `/config/${field}`,
      code: 'required',
      ru,
      en,
    });
    if (c.trigger === 'form' && !c.form) return [missing('form', 'не выбрана форма', 'no form chosen')];
    if (c.trigger === 'record' && !c.entity)
      return [missing('entity', 'не выбран тип записи', 'no record type chosen')];
    if (c.trigger === 'timer' && !c.cron && !c.timeDate)
      return [missing('cron', 'у таймера нет расписания', 'the timer has no schedule')];
    if (c.trigger === 'message' && !c.message)
      return [missing('message', 'не указано сообщение', 'no message named')];
    return [];
  },
};
