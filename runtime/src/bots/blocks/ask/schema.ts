import { type Static, Type } from '@sinclair/typebox';
import { literals } from '../../../definitions/common-schemas.js';
import { patternProblem } from '../../../definitions/safe-regexp.js';
import {
  type BlockProblem,
  type BlockShape,
  blockSchema,
  exit,
  TemplateText,
  VariableName,
} from '../../block-shape.js';
import { ChoiceOptions, repeatedOptionProblems } from '../choice-options.js';
import { RetryConfig } from '../retry.js';
import { textReads } from '../text-reads.js';

export const askInputs = ['text', 'number', 'email', 'phone', 'date', 'choice', 'file', 'photo'] as const;
export type AskInput = (typeof askInputs)[number];

/**
 * Ask the client and keep the answer in `variable` once it passes validation (`next`); an answer that does not
 * gets the retry text `retries` times, then the `fallback` exit. Numbers are kept as numbers, dates as ISO
 * `yyyy-mm-dd`, phones as `+digits`, a choice as the option's id, files as the list of attachments.
 */
export const AskBlockSchema = blockSchema(
  'ask',
  {
    text: TemplateText,
    input: literals(askInputs),
    variable: VariableName,
    /** Text answers: an RE2 pattern the answer must match. */
    pattern: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    /** Number answers: bounds. */
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    /** Choice answers. */
    options: Type.Optional(ChoiceOptions),
    /** File answers: accepted types (`image/*`, `.pdf`, `application/pdf`) and the largest size. */
    accept: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20 })),
    maxSizeMb: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100 })),
    ...RetryConfig,
  },
  'next|fallback',
);
export type AskBlock = Static<typeof AskBlockSchema>;

export const askShape: BlockShape<AskBlock> = {
  schema: AskBlockSchema,
  exits: () => [exit('next'), exit('fallback')],
  waits: true,
  reads: (block) => [...textReads('/text', block.text), ...textReads('/retryText', block.retryText)],
  sets: (block) => [block.variable],
  problems(block) {
    const problems: BlockProblem[] = repeatedOptionProblems(block.options);
    if (block.pattern !== undefined) {
      const why = patternProblem(block.pattern);
      if (why)
        problems.push({
          pointer: '/pattern',
          code: 'pattern',
          ru: `шаблон ответа не компилируется (обратные ссылки и просмотр вперёд/назад не поддерживаются): ${why}`,
          en: `the answer pattern does not compile (backreferences and lookaround are not supported): ${why}`,
        });
    }
    if (block.input === 'choice' && !block.options?.length)
      problems.push({
        pointer: '/options',
        code: 'required',
        ru: 'у вопроса с выбором нет вариантов',
        en: 'the choice question has no options',
      });
    return problems;
  },
};
