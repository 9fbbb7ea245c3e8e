import { type Static, Type } from '@sinclair/typebox';
import {
  type BlockShape,
  blockSchema,
  exit,
  optionExit,
  TemplateText,
  VariableName,
} from '../../block-shape.js';
import { ChoiceOptions, repeatedOptionProblems } from '../choice-options.js';
import { RetryConfig } from '../retry.js';
import { textReads } from '../text-reads.js';

/**
 * Buttons (quick replies): a text and options; each option is an exit `option:<id>`. The client may press a
 * button, type its label or its number; anything else gets the retry text, then the `fallback` exit.
 */
export const ButtonsBlockSchema = blockSchema(
  'buttons',
  {
    text: TemplateText,
    options: ChoiceOptions,
    /** Where the chosen option's id is kept, if anywhere. */
    variable: Type.Optional(VariableName),
    ...RetryConfig,
  },
  `${optionExit}|fallback`,
);
export type ButtonsBlock = Static<typeof ButtonsBlockSchema>;

export const buttonsShape: BlockShape<ButtonsBlock> = {
  schema: ButtonsBlockSchema,
  exits: (block) => [...block.options.map((o) => exit(`option:${o.id}`)), exit('fallback')],
  waits: true,
  reads: (block) => [...textReads('/text', block.text), ...textReads('/retryText', block.retryText)],
  sets: (block) => (block.variable ? [block.variable] : []),
  problems: (block) => repeatedOptionProblems(block.options),
};
