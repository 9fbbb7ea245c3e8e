import type { BlockRead } from '../block-shape.js';

/** The template reads of an optional localized text at `pointer`. */
export const textReads = (pointer: string, text: { ru: string; en?: string } | undefined): BlockRead[] =>
  text
    ? [
        { pointer: `${pointer}/ru`, template: text.ru },
        ...(text.en ? [{ pointer: `${pointer}/en`, template: text.en }] : []),
      ]
    : [];
