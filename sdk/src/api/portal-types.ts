/** Shapes of the self-service portal API (`/api/v1/portal/...`): trees, pages, forms, accounts, notifications. */
import type { ConversationView, MessageView } from './conversation-types.js';
import type { LocalText, RecordItem } from './types.js';

export interface PublishedTree {
  key: string;
  version: number;
  /** A question tree body (schemaVersion 2, see `@opora/runtime/definitions` TreeBody). */
  body: unknown;
  /** Titles of the articles the leaves lead to, by article key (absent when no longer published). */
  articles: Record<string, { title: string; summary: string }>;
}

export type WalkOutcome = 'article' | 'answer' | 'contact' | 'helpful' | 'not-helpful';

export interface Walk {
  id: string;
  tree: string;
  version: number;
  path: string[];
  outcome: WalkOutcome | null;
}

export type WalkEventInput =
  | { type: 'choose'; node: string }
  | { type: 'back' }
  | { type: 'restart' }
  | { type: 'goto'; path: string[] }
  | { type: 'rate'; helpful: boolean };

/** How a tree is used, node by node, for the designer. */
export interface TreeStats {
  walks: number;
  /** Walks that ended without an outcome (no answer reached for 30 minutes). */
  abandoned: number;
  nodes: Record<
    string,
    {
      visits: number;
      /** Walks that stopped here without an outcome. */
      abandoned: number;
      outcomes: Partial<Record<WalkOutcome, number>>;
    }
  >;
}

export interface PublishedPage {
  key: string;
  version: number;
  /** A page body (see `@opora/runtime/definitions` PageBody). */
  body: unknown;
}

export interface PortalSite {
  /** The published portal body (see PortalBody), or null when none is published yet. */
  body: unknown | null;
  version: number | null;
}

export interface Announcement {
  id: string;
  title: string;
  /** Sanitized HTML. */
  body: string;
  severity: 'info' | 'maintenance' | 'outage';
  startsAt: string;
  endsAt: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
}

export interface AnnouncementInput {
  title: string;
  body?: string;
  severity: Announcement['severity'];
  startsAt: string;
  endsAt?: string | null;
}

export interface PortalFormSubmitResult {
  id: string;
  number: number;
}

export interface SignupInput {
  name: string;
  email: string;
  password: string;
}

export interface MyRequest {
  id: string;
  number: number;
  title: string;
  status: { value: string; label: LocalText; color: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

export interface MyRequestHistoryEntry {
  at: string;
  /** Who made the change as the client may see it: a name, or null for the client themselves. */
  by: string | null;
  action: 'create' | 'update';
  /** Status before and after, when it changed. */
  status: { from: LocalText | null; to: LocalText | null } | null;
  /** Labels of the other fields that changed. */
  fields: LocalText[];
}

export interface MyRequestDetail extends MyRequest {
  record: RecordItem;
  /** The request's data type body, to label its fields. */
  entity: unknown;
  history: MyRequestHistoryEntry[];
}

export interface PortalNotification {
  id: string;
  title: string;
  text: string;
  /** A portal path to open, e.g. /account/requests/<id>. */
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

/** Messages the portal's live connection (`/api/v1/portal/live`, WebSocket) pushes. */
export type LiveMessage =
  | { type: 'request'; id: string }
  | { type: 'notification'; notification: PortalNotification }
  /**
   * A message was added to a conversation the socket listens to (or its delivery state moved on). `partial`: too
   * long to push whole, its text and parts are left out; read it from the conversation's messages.
   */
  | { type: 'message'; message: MessageView; partial?: boolean }
  /** A conversation the socket listens to was opened or changed (handler, status, subject). */
  | { type: 'conversation'; conversation: ConversationView }
  /** Someone is typing in a conversation the socket listens to (never stored; the widget sends one every few s). */
  | { type: 'typing'; conversationId: string; authorKind: 'client' | 'operator' | 'bot' }
  /** Something a supervisor's board shows changed that no conversation event tells (an operator's status, a rating). */
  | { type: 'board' }
  /** The staff user's process tasks changed (one opened, was taken, decided or withdrawn): reload the inbox. */
  | { type: 'tasks.changed'; taskId?: string };

export interface PortalAsset {
  id: string;
  url: string;
  name: string;
  mediaType: string;
  size: number;
}
