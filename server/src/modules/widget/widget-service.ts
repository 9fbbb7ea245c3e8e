import type { AttachmentRef } from '@opora/runtime/conversations';
import type { LiveMessage, MessageView } from '@opora/sdk';
import { type Clock, dateOf } from '../../adapters/clock.js';
import { liveAddress } from '../../adapters/live-hub/live-address.js';
import type { LiveHub } from '../../adapters/live-hub/live-hub.js';
import type { Database } from '../../db/database.js';
import { toPgArray } from '../../db/pg-array.js';
import { AppError } from '../../http/app-error.js';
import { upsertContact } from '../conversations/contact-upsert.js';
import { pushMessage } from '../conversations/conversation-push.js';
import type { ConversationStore } from '../conversations/conversation-store.js';
import { conversationView, messageView } from '../conversations/rows.js';
import { openConversationOf, visitorMessage } from './visitor-history.js';

/** A verified widget visitor of one channel. */
export interface Visitor {
  channelKey: string;
  visitorId: string;
}

export interface VisitorSend {
  clientMessageId: string;
  text: string;
  /** Files the route streamed into the file store already. */
  attachments?: AttachmentRef[];
  /** A button of an earlier message the visitor pressed: the message and the button's value. */
  pressed?: { messageId: string; value: string };
}

/** At most this many answers change state per read report (a widget reports what it shows). */
const readBatch = 200;

/**
 * What a widget visitor does to their conversation: write (through the conversation store, deduplicated by the
 * widget's own message id), report answers delivered or read, say they are typing, and — when they are a signed-in
 * portal client — have their visitor linked to their client card.
 */
export class WidgetVisitors {
  constructor(
    private readonly deps: { db: Database; conversations: ConversationStore; hub: LiveHub; clock: Clock },
  ) {}

  /**
   * Takes a visitor's message. Its channel id is the visitor's id and the widget's message id together, so a retry
   * after a lost answer finds the message stored the first time, and no visitor can claim another's ids.
   */
  async send(visitor: Visitor, input: VisitorSend): Promise<{ message: MessageView; duplicate: boolean }> {
    const pressed = input.pressed ? await this.pressedButton(visitor, input.pressed) : undefined;
    const text = pressed ? pressed.label : input.text;
    const taken = await this.deps.conversations.takeInbound(
      { type: 'widget', key: visitor.channelKey },
      {
        from: { externalId: visitor.visitorId },
        externalMessageId: widgetMessageId(visitor.visitorId, input.clientMessageId),
        message: { text, parts: [], attachments: input.attachments ?? [] },
        files: [],
        ...(pressed ? { pressed } : {}),
      },
    );
    return { message: taken.message, duplicate: taken.duplicate };
  }

  /** The button a visitor pressed, found among those the message offered them; a 400 for anything else. */
  private async pressedButton(visitor: Visitor, pressed: { messageId: string; value: string }) {
    const offer = await visitorMessage(this.deps.db, visitor, pressed.messageId);
    const buttons = (offer?.parts ?? []).flatMap((part) =>
      part.type === 'buttons' ? part.buttons : part.options,
    );
    const index = buttons.findIndex((button) => button.value === pressed.value);
    if (index < 0) throw new AppError(400, 'button_unknown', 'widget_button_unknown');
    return { index, label: buttons[index]!.label };
  }

  /**
   * The visitor saw answers up to `seq` (`read`: on screen; `delivered`: the widget got them while closed). A state
   * only moves forward; every answer that changed is pushed, so the operator sees it at once.
   */
  async report(visitor: Visitor, seq: number, state: 'delivered' | 'read'): Promise<number> {
    const { db, hub } = this.deps;
    const from = state === 'read' ? ['queued', 'sent', 'delivered'] : ['queued', 'sent'];
    return db.transaction(async (tx) => {
      const rows = await db.query<Record<string, unknown>>(
        `update message set delivery = ? where id in (
           select m.id from message m join conversation c on c.id = m.conversation_id
             join contact ct on ct.id = c.contact_id
            where ct.channel_key = ? and ct.external_id = ? and m.direction = 'out' and not m.internal
              and m.seq <= ? and m.delivery = any(?::text[])
            order by m.seq limit ?)
         returning *`,
        [state, visitor.channelKey, visitor.visitorId, seq, toPgArray(from), readBatch],
        tx,
      );
      const messages = rows.map(messageView);
      const conversations = new Map<string, ReturnType<typeof conversationView>>();
      for (const message of messages) {
        if (!conversations.has(message.conversationId)) {
          const [row] = await db.query<Record<string, unknown>>(
            'select * from conversation where id = ?',
            [message.conversationId],
            tx,
          );
          if (row) conversations.set(message.conversationId, conversationView(row));
        }
        const conversation = conversations.get(message.conversationId);
        if (conversation) await pushMessage(hub, db, tx, conversation, message);
      }
      return messages.length;
    });
  }

  /** Tells whoever has the visitor's open conversation on screen that they are typing; stored nowhere. */
  async typing(visitor: Visitor): Promise<void> {
    const { db, hub } = this.deps;
    await db.transaction(async (tx) => {
      const conversationId = await openConversationOf(db, visitor, tx);
      if (!conversationId) return;
      const push: LiveMessage = { type: 'typing', conversationId, authorKind: 'client' };
      await hub.send(tx, [liveAddress.conversation(conversationId)], push);
    });
  }

  /**
   * Links a signed-in portal client's widget visitor (and the anonymous visitor they were on this browser before
   * signing in, if any) to their client card, so the operator sees one history. Staff have no card: nothing to do.
   */
  async linkPortalClient(
    channelKey: string,
    userId: string,
    visitorIds: readonly string[],
  ): Promise<boolean> {
    const { db, clock } = this.deps;
    return db.transaction(async (tx) => {
      const [user] = await db.query<{ record_id: string | null; name: string }>(
        'select record_id, name from app_user where id = ? and active',
        [userId],
        tx,
      );
      if (!user?.record_id) return false;
      const [own, ...earlier] = visitorIds;
      if (!own) return false;
      await upsertContact(
        db,
        tx,
        { type: 'widget', key: channelKey },
        { externalId: own, displayName: user.name },
        dateOf(clock),
      );
      const contacts = await db.query<{ id: string }>(
        `update contact set client_record_id = ?
          where channel_key = ? and external_id = any(?::text[]) and client_record_id is null returning id`,
        [user.record_id, channelKey, toPgArray([own, ...earlier].slice(0, 2))],
        tx,
      );
      for (const contact of contacts)
        await db.query(
          'update conversation set client_record_id = ? where contact_id = ? and client_record_id is null',
          [user.record_id, contact.id],
          tx,
        );
      return true;
    });
  }
}

/** The channel id of a widget message: unique per visitor, so ids of two visitors never collide. */
export const widgetMessageId = (visitorId: string, clientMessageId: string) =>
  `${visitorId}/${clientMessageId}`;

/** A signed-in portal client's visitor id: the same on every device they sign in on, so their history follows. */
export const portalVisitorId = (userId: string) => `user-${userId}`;
export const isPortalVisitor = (visitorId: string) => visitorId.startsWith('user-');
