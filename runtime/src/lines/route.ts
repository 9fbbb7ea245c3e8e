import type { LineBody } from '../definitions/line/schema.js';
import { routedDialog, ruleMatches } from './rule-match.js';

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
  /** The question-tree path the client walked, if any: the walk's choices from the root down (root left out),
   * joined by '/' («payment/pay-refund»). */
  treePath?: string;
  /** Fields of the client's record. */
  clientAttributes?: Record<string, unknown>;
}

/** Lines in the order routing tries them: ascending `order`, then key. */
export const routingOrder = (lines: readonly PublishedLine[]): PublishedLine[] =>
  [...lines].sort((a, b) => a.body.order - b.body.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

/** Whether the line takes dialogs of the channel at all (no channels listed: every channel). */
export const lineAcceptsChannel = (line: PublishedLine, channelKey: string): boolean =>
  line.body.channels.length === 0 || line.body.channels.includes(channelKey);

/**
 * The line a new dialog goes to: lines in ascending `order` (then key), the first that takes the dialog's channel
 * and has a rule whose every condition holds wins; else the default line (if it takes the channel); null when
 * there is none. Bot-only lines route like any other (the bot then answers there).
 */
export function routeDialog(lines: readonly PublishedLine[], dialog: DialogFacts): string | null {
  const ordered = routingOrder(lines);
  const routed = routedDialog(dialog);
  const matched = ordered.find(
    (line) =>
      lineAcceptsChannel(line, dialog.channelKey) &&
      line.body.rules.some((rule) => ruleMatches(rule, routed)),
  );
  if (matched) return matched.key;
  return (
    ordered.find((line) => line.body.isDefault && lineAcceptsChannel(line, dialog.channelKey))?.key ?? null
  );
}
