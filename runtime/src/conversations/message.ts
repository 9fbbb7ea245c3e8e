/**
 * What a message of a conversation is, whatever channel carried it: the shape the store keeps, the widget and the
 * operator screens show, bots write and channel adapters translate to and from their own formats.
 *
 * @module
 */

/** Which way a message went: `in` from the client, `out` to the client. */
export type Direction = 'in' | 'out';

/** Who wrote it. `system` is the product itself (a conversation opened, an operator joined). */
export type AuthorKind = 'client' | 'bot' | 'operator' | 'system';

/**
 * How far an outbound message got. Only ever moves forward (`queued → sent → delivered → read`); `failed` is
 * final unless a retry sends it again (`failed → queued`). See {@link advanceDelivery}.
 */
export type DeliveryState = 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

/** One button of a bot's or an operator's choice. `value` is what comes back when the client presses it. */
export interface Button {
  label: string;
  value: string;
}

/**
 * The rich parts a message may carry beside its text. A channel without buttons shows them as a numbered list
 * (see `fallback-text.ts`), and the client's answer by number is read back as the button's value.
 */
export type MessagePart =
  | { type: 'buttons'; buttons: Button[] }
  | { type: 'choice'; options: Button[]; multiple: boolean };

/** A file of the message, kept in the product's file store (content-addressed) and referenced by its hash. */
export interface AttachmentRef {
  fileId: string;
  name: string;
  contentType: string;
  size: number;
}

/** A message as channels and screens exchange it, before the store gives it an id and a place in the history. */
export interface MessageDraft {
  text: string;
  parts: MessagePart[];
  attachments: AttachmentRef[];
}

const deliveryOrder: Record<DeliveryState, number> = { queued: 0, sent: 1, delivered: 2, read: 3, failed: 0 };

/**
 * The delivery state after a channel reports `next` for a message that is `current`. Reports arrive out of order
 * (a read receipt before the send's answer, a retried webhook twice), so a state never moves back: `read` stays
 * `read` when a late `delivered` arrives. A failure counts only while nothing was delivered yet; a message sent
 * again after a failure starts over from `queued`.
 */
export function advanceDelivery(current: DeliveryState, next: DeliveryState): DeliveryState {
  if (current === next) return current;
  if (next === 'failed') return current === 'queued' || current === 'sent' ? 'failed' : current;
  if (current === 'failed') return next === 'queued' || deliveryOrder[next] > 0 ? next : current;
  return deliveryOrder[next] > deliveryOrder[current] ? next : current;
}
