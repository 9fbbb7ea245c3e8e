import { type ChannelType, type InboundMessage, messageLimits } from '@opora/runtime/conversations';
import { type Clock, dateOf } from '../../adapters/clock.js';
import type { JobQueue } from '../../adapters/job-queue/index.js';
import type { LiveHub } from '../../adapters/live-hub/live-hub.js';
import type { Database, Em } from '../../db/database.js';
import { fail } from '../../http/app-error.js';
import type { Actor } from '../auth/actor.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import type { FileStore } from '../files/file-store.js';
import { portalAccount } from '../portal-account/portal-mapping.js';
import type { RecordService } from '../records/record-service.js';
import { claimArrival } from './arrival.js';
import { sentByAdapter } from './channel-directory.js';
import { clientForContact } from './client-for-contact.js';
import { pushMessage } from './conversation-push.js';
import type { StatusListener } from './conversation-status.js';
import type { ContactView, ConversationView, MessageView } from './conversation-types.js';
import { appendInbound, conversationFor, earlierInbound, type TakenInbound } from './inbound.js';
import { storeInboundFiles } from './inbound-files.js';
import { mergeContactInto } from './merge-contacts.js';
import { appendToOpenConversation } from './open-conversation-append.js';
import { appendOutbound, lockConversationAndParty, type OutboundInput } from './outbound.js';
import { withPressedLabel } from './pressed-label.js';
import { conversationView } from './rows.js';
import { type SendJobPayload, sendJobKey, sendJobName } from './send-job.js';
import { clientTimeline, type TimelinePage } from './timeline.js';

/** Where a pressed button's message belongs, and what to do once it is stored (same transaction). */
export interface PressRoute {
  conversation: ConversationView;
  after: (tx: Em, message: MessageView) => Promise<void>;
}

export type PressListener = (
  tx: Em,
  contact: ContactView,
  pressed: NonNullable<InboundMessage['pressed']>,
) => Promise<PressRoute | null>;

/**
 * See `distribution/after-dialog-opened.ts`: answers the conversation as routing left it. `queued` says whether the
 * conversation already waits in a line's queue (read with the conversation, so the hook needs no query of its own).
 */
export type DialogOpenedHook = (
  tx: Em,
  conversation: ConversationView,
  message: MessageView,
  queued: boolean,
) => Promise<ConversationView>;

/** A client's message, stored and routed, in its transaction (the bots module takes its turn from here). */
export type ClientMessageListener = (
  tx: Em,
  conversation: ConversationView,
  message: MessageView,
) => Promise<void>;

export interface ConversationStoreDeps {
  db: Database;
  /** Where inbound files are kept (content-addressed, shared with records' files). */
  fileStore: FileStore;
  jobs: JobQueue;
  definitions: DefinitionService;
  records: RecordService;
  clock: Clock;
  /** Tells the screens, the widget and the client's account about new messages (see `conversation-push.ts`). */
  hub: LiveHub;
}

/**
 * Where every channel's messages land: contacts, conversations and their messages, written one transaction per
 * message with its audit row. Channel adapters hand over normalised messages; screens and bots read and write
 * through here.
 */
export class ConversationStore {
  private readonly pressListeners: PressListener[] = [];
  private readonly clientMessageListeners: ClientMessageListener[] = [];
  readonly statusListeners: StatusListener[] = [];

  /** Routes and queues a dialog the moment it opens, in its transaction (set by the distribution module). */
  afterDialogOpened: DialogOpenedHook | null = null;

  constructor(private readonly deps: ConversationStoreDeps) {}

  /**
   * Takes one inbound message: idempotent by the channel's own message id, recognises the person (same channel
   * id, or an address a known client has), threads it into its conversation or opens one.
   */
  async takeInbound(
    channel: { type: ChannelType; key: string },
    received: InboundMessage,
  ): Promise<TakenInbound> {
    const { db } = this.deps;
    // An adapter may have streamed its files to the store already (the widget's uploads) or hand over bytes.
    const stored = await storeInboundFiles(this.deps.fileStore, received.files);
    const attachments = [...received.message.attachments, ...stored].slice(0, messageLimits.attachments);
    const inbound = { ...received, message: { ...received.message, attachments }, files: [] };
    return db.transaction((tx) => this.takeInboundWithin(tx, channel, inbound));
  }

  /**
   * {@link takeInbound} inside the caller's transaction, for a message whose files are in the store already (its
   * `files` are ignored): a whole scripted dialog commits or rolls back as one.
   */
  async takeInboundWithin(
    tx: Em,
    channel: { type: ChannelType; key: string },
    inbound: InboundMessage,
  ): Promise<TakenInbound> {
    const { db } = this.deps;
    const now = dateOf(this.deps.clock);
    const contact = await claimArrival(db, tx, channel, inbound, now);
    if (!contact) return this.duplicate(tx, channel.key, inbound.externalMessageId);
    const onward = await appendToOpenConversation(db, tx, channel.key, contact, inbound, now);
    if (onward) {
      const party = { channel: contact.channel, externalId: contact.externalId, users: onward.clientUsers };
      // A dialog nobody routed yet (opened before lines existed) is routed by the client's next message.
      const current = await this.routeUnqueued(tx, onward.conversation, onward.message, onward.queued);
      await pushMessage(this.deps.hub, db, tx, current, onward.message, party);
      await this.tellClientMessage(tx, current, onward.message);
      return { conversation: current, message: onward.message, duplicate: false, opened: false };
    }
    const account = await portalAccount(this.deps.definitions, tx);
    const client = await clientForContact({ ...this.deps, tx, account }, contact, inbound.from);
    const routed = await this.routePress(tx, { ...contact, clientRecordId: client }, inbound.pressed);
    // A pressed button answers a dialog routing already placed (a rating of a closed one): it is left as is.
    const { conversation, opened, queued } = routed
      ? { conversation: routed.conversation, opened: false, queued: true }
      : await conversationFor(db, tx, { ...contact, clientRecordId: client }, inbound, now);
    const labelled = routed ? inbound : await withPressedLabel(db, tx, conversation.id, inbound);
    const message = await appendInbound(db, tx, channel, conversation, labelled, now);
    const counted = {
      ...conversation,
      messageCount: conversation.messageCount + 1,
      lastMessageAt: message.createdAt,
    };
    const current = (await this.afterDialogOpened?.(tx, counted, message, queued)) ?? counted;
    await pushMessage(this.deps.hub, db, tx, current, message);
    if (routed) await routed.after(tx, message);
    else await this.tellClientMessage(tx, current, message);
    return { conversation: current, message, duplicate: false, opened };
  }

  /** Only an open dialog that waits for a person and is in no queue yet costs the hook a call on the fast path. */
  private async routeUnqueued(tx: Em, conversation: ConversationView, message: MessageView, queued: boolean) {
    if (queued || conversation.status !== 'open' || conversation.handler !== 'queue') return conversation;
    return (await this.afterDialogOpened?.(tx, conversation, message, queued)) ?? conversation;
  }

  private async duplicate(tx: Em, channelKey: string, externalId: string): Promise<TakenInbound> {
    const { db } = this.deps;
    const message = await earlierInbound(db, tx, channelKey, externalId);
    if (!message) throw new Error(`inbound ${channelKey}/${externalId} was claimed without a message`);
    const [row] = await db.query<Record<string, unknown>>(
      'select * from conversation where id = ?',
      [message.conversationId],
      tx,
    );
    return { conversation: conversationView(row!), message, duplicate: true, opened: false };
  }

  /** Appends an answer (an operator's, a bot's, the system's) to a conversation; see `outbound.ts`. */
  answer(conversationId: string, input: OutboundInput, actor: Actor | null): Promise<MessageView> {
    return this.deps.db.transaction((tx) => this.answerWithin(tx, conversationId, input, actor));
  }

  /** {@link answer} inside the caller's transaction: the answer commits (and is sent) with the caller's writes. */
  async answerWithin(
    tx: Em,
    conversationId: string,
    input: OutboundInput,
    actor: Actor | null,
  ): Promise<MessageView> {
    const { db } = this.deps;
    const { conversation, party } = await lockConversationAndParty(db, tx, conversationId);
    const { message, repeated } = await appendOutbound(
      db,
      tx,
      conversation,
      input,
      actor,
      dateOf(this.deps.clock),
    );
    if (!repeated) await pushMessage(this.deps.hub, db, tx, conversation, message, party);
    if (!repeated && !message.internal && sentByAdapter(conversation.channel))
      await this.deps.jobs.enqueue(
        sendJobName,
        { messageId: message.id } satisfies SendJobPayload,
        { idempotencyKey: sendJobKey(message.id), maxAttempts: 10 },
        tx,
      );
    return message;
  }

  /**
   * Lets another module claim a pressed button (a rating of a closed dialog): the message goes into the
   * conversation it names instead of the contact's open one, and `after` runs in the same transaction.
   */
  onPressed(listener: PressListener): void {
    this.pressListeners.push(listener);
  }

  /** Lets another module act on every new client message (not a duplicate, not a claimed press), in its transaction. */
  onClientMessage(listener: ClientMessageListener): void {
    this.clientMessageListeners.push(listener);
  }

  private async tellClientMessage(tx: Em, conversation: ConversationView, message: MessageView) {
    for (const listener of this.clientMessageListeners) await listener(tx, conversation, message);
  }

  /** Lets another module act inside the transaction that closes or reopens a dialog (see `conversation-status.ts`). */
  onStatusChanged(listener: StatusListener): void {
    this.statusListeners.push(listener);
  }

  private async routePress(tx: Em, contact: ContactView, pressed: InboundMessage['pressed']) {
    if (!pressed) return null;
    for (const listener of this.pressListeners) {
      const routed = await listener(tx, contact, pressed);
      if (routed) return routed;
    }
    return null;
  }

  /** Puts a contact (and its former card's other contacts) on another client card; both histories stay. */
  mergeContact(contactId: string, clientRecordId: string, actor: Actor | null) {
    const { db } = this.deps;
    return db.transaction(async (tx) => {
      const account = await portalAccount(this.deps.definitions, tx);
      if (!account) throw fail.notFound('client');
      const target = { clientRecordId, clientType: account.clients };
      return mergeContactInto(db, tx, contactId, target, actor, dateOf(this.deps.clock));
    });
  }

  /** The client's conversations of every channel as one timeline, a page at a time. */
  timeline(clientRecordId: string, options: { before?: string; limit?: number } = {}): Promise<TimelinePage> {
    return clientTimeline(this.deps.db, clientRecordId, options);
  }
}
