/**
 * Text as a `LIKE`/`ILIKE` pattern that matches it literally: `\`, `%` and `_` escaped with the backslash (the
 * default escape character of both PGlite and PostgreSQL). Every pattern built from user text goes through here.
 */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The pattern of «contains `text`» (a search box): the text literally, anything around it. */
export const containsPattern = (text: string): string => `%${escapeLike(text)}%`;
