import type { LocalText } from '@opora/sdk';

/** A definition's title in the screen's language (Russian when there is no English). */
export const localText = (text: LocalText, language: string) =>
  (language.startsWith('en') ? text.en : undefined) || text.ru;

/** The media type a dragged dialog travels under: only the board's own rows are accepted by operator cards. */
export const dialogDragType = 'application/x-opora-dialog';
