import type { LineBody } from '../definitions/line/schema.js';

export interface PublishedLine {
  key: string;
  body: LineBody;
}

/** What is known about a dialog when it is routed. */
export interface DialogFacts {
  /** The channel definition's key the dialog came through. */
  channelKey: string;
  /** The client's first message. */
  text: string;
  language?: 'ru' | 'en';
  /** Fields of the portal form the dialog started from. */
  formFields?: Record<string, string>;
  /** The question-tree path the client walked, if any. */
  treePath?: string;
  /** Fields of the client's record. */
  clientAttributes?: Record<string, unknown>;
}

/**
 * The line a new dialog goes to: lines in ascending `order` (then key), the first with a matching rule wins; else
 * the default line; null when there is none. Bot-only and channel filters apply as the line says.
 * (First cut: channel conditions and the default line; the full rule set arrives with the lines' designer.)
 */
export function routeDialog(lines: readonly PublishedLine[], dialog: DialogFacts): string | null {
  const ordered = [...lines].sort((a, b) => a.body.order - b.body.order || a.key.localeCompare(b.key));
  const accepts = (line: PublishedLine) =>
    line.body.channels.length === 0 || line.body.channels.includes(dialog.channelKey);
  const matched = ordered.find(
    (line) =>
      accepts(line) &&
      line.body.rules.some((rule) => !rule.channels || rule.channels.includes(dialog.channelKey)),
  );
  return (matched ?? ordered.find((line) => line.body.isDefault && accepts(line)))?.key ?? null;
}
