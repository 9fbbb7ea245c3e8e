import type {
  AttachmentRef,
  AuthorKind,
  ChannelType,
  DeliveryState,
  Direction,
  MessagePart,
} from '@opora/runtime/conversations';

/* Conversations as the API shows them to operators' screens, the widget and the client's account. */

/** Who holds a conversation now: a bot, the line's queue, or an operator. */
export type Handler = 'bot' | 'queue' | 'operator';

export interface ConversationView {
  id: string;
  channel: ChannelType;
  channelKey: string;
  lineKey: string | null;
  contactId: string;
  clientRecordId: string | null;
  requestRecordId: string | null;
  subject: string | null;
  status: 'open' | 'closed';
  handler: Handler;
  operatorId: string | null;
  messageCount: number;
  openedAt: string;
  lastMessageAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
}

export interface MessageView {
  id: string;
  conversationId: string;
  seq: number;
  direction: Direction;
  authorKind: AuthorKind;
  authorUserId: string | null;
  internal: boolean;
  text: string;
  parts: MessagePart[];
  attachments: AttachmentRef[];
  clientMessageId: string | null;
  externalId: string | null;
  delivery: DeliveryState | null;
  /** Why the channel refused the message, when `delivery` is `failed`. */
  deliveryError?: string | null;
  createdAt: string;
}

export interface ContactView {
  id: string;
  channel: ChannelType;
  channelKey: string;
  externalId: string;
  displayName: string | null;
  email: string | null;
  phone: string | null;
  clientRecordId: string | null;
}

/** Who wrote, as lists and the client card show it. */
export type ContactSummary = Pick<ContactView, 'id' | 'channel' | 'displayName' | 'email' | 'phone'>;

/** A row of the operators' «Диалоги» list. */
export interface ConversationListItem extends ConversationView {
  contact: ContactSummary;
  lastMessage: MessageView | null;
  /** How far the caller has read it (a message `seq`; 0: never opened). */
  lastReadSeq: number;
  /** Client messages the caller has not seen yet. */
  unread: number;
}

export interface ConversationListPage {
  items: ConversationListItem[];
  hasMore: boolean;
  limit: number;
  offset: number;
}

/** The client card's «Переписка»: conversations of every channel, a page at a time, newest first. */
export interface ClientTimelinePage {
  conversations: ConversationView[];
  /** Messages of those conversations, oldest first within each. */
  messages: MessageView[];
  contacts: ContactSummary[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  nextBefore?: string;
}

/** An article offered beside a dialog (`GET /conversations/{id}/suggestions`). */
export interface ArticleSuggestion {
  id: string;
  key: string;
  title: string;
  summary: string;
  /** The article's plain text, cut to a sane size, to paste into an answer. */
  text: string;
  /** Its address on the portal, to send to the client. */
  url: string;
  /** `staff` articles are for colleagues: the client cannot open their address. */
  audience: 'public' | 'clients' | 'staff';
}

export interface ArticleSuggestions {
  /** What was searched: the operator's words, else the client's last messages (empty: nothing to search). */
  query: string;
  items: ArticleSuggestion[];
}
