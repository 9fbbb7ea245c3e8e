import { type Clock, dateOf } from '../../adapters/clock.js';
import type { LiveHub } from '../../adapters/live-hub/live-hub.js';
import type { Database, Em } from '../../db/database.js';
import { fail } from '../../http/app-error.js';
import type { Actor } from '../auth/actor.js';
import type { ConversationStore } from '../conversations/conversation-store.js';
import type { ConversationView, MessageView } from '../conversations/conversation-types.js';
import { messageView } from '../conversations/rows.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import { linkedRecord, pointsAt, portalAccount, publishedEntity } from '../portal-account/portal-mapping.js';
import type { RecordService } from '../records/record-service.js';
import { type RecordRow, recordColumns, recordRowView } from '../records/record-view.js';
import { clientReply } from './client-reply.js';
import { findThread, openThread } from './open-thread.js';
import { threadParty } from './thread-party.js';

export interface RequestThreadsDeps {
  db: Database;
  definitions: DefinitionService;
  records: RecordService;
  conversations: ConversationStore;
  hub: LiveHub;
  clock: Clock;
}

export interface Thread {
  conversation: ConversationView;
  messages: MessageView[];
}

// A thread longer than this shows its newest messages; requests that long are read on the operator's screen.
const maxMessages = 500;

/**
 * Requests' threads: staff read every message of a request's thread (internal notes included) and answer or note
 * through the conversation store; the client reads the public messages of their own requests only and writes
 * into them. A request made before threads existed gets its thread when first asked for.
 */
export class RequestThreads {
  constructor(private readonly deps: RequestThreadsDeps) {}

  /** The thread of a request the staff member may read (the data type's access rights decide). */
  async forStaff(entity: string, id: string, actor: Actor): Promise<Thread> {
    const conversation = await this.staffThread(entity, id, actor);
    return { conversation, messages: await this.messages(conversation.id, true) };
  }

  async answer(
    entity: string,
    id: string,
    input: { text: string; internal?: boolean; clientMessageId?: string },
    actor: Actor,
  ): Promise<MessageView> {
    const conversation = await this.staffThread(entity, id, actor);
    return this.deps.conversations.answer(
      conversation.id,
      {
        authorKind: 'operator',
        internal: input.internal,
        clientMessageId: input.clientMessageId,
        message: { text: input.text, parts: [], attachments: [] },
      },
      actor,
    );
  }

  /** The public messages of one of the client's own requests; another's is not there for them (404). */
  async forClient(actor: Actor, id: string): Promise<Thread> {
    const conversation = await this.clientThread(actor, id);
    return { conversation, messages: await this.messages(conversation.id, false) };
  }

  async clientWrites(actor: Actor, id: string, input: { text: string; clientMessageId: string }) {
    const conversation = await this.clientThread(actor, id);
    const { db, hub } = this.deps;
    return db.transaction((tx) => clientReply({ db, hub }, tx, conversation, input, dateOf(this.deps.clock)));
  }

  private async staffThread(entity: string, id: string, actor: Actor): Promise<ConversationView> {
    const account = await portalAccount(this.deps.definitions);
    if (!account || entity !== account.requests) throw fail.notFound(`thread of ${entity}`);
    const record = await this.deps.records.get(entity, id, actor);
    return this.threadOf(record);
  }

  private async clientThread(actor: Actor, id: string): Promise<ConversationView> {
    const { db, definitions } = this.deps;
    const missing = () => fail.notFound(`request ${id}`);
    const [account, clientId] = await Promise.all([portalAccount(definitions), linkedRecord(db, actor.id)]);
    if (!account || !clientId) throw missing();
    const owned = pointsAt(account.requestClient, clientId);
    const [row] = await db.query<RecordRow>(
      `select ${recordColumns} from record where id = ? and entity = ? and deleted_at is null and ${owned.sql}`,
      [id, account.requests, ...owned.params],
    );
    if (!row) throw missing();
    return this.threadOf(recordRowView(row));
  }

  private async threadOf(record: {
    id: string;
    entity: string;
    number: number;
    title: string;
    data: Record<string, unknown>;
  }): Promise<ConversationView> {
    const { db, definitions } = this.deps;
    const existing = await findThread(db, record.id);
    if (existing) return existing;
    return db.transaction(async (tx: Em) => {
      const account = await portalAccount(definitions, tx);
      if (!account) throw fail.notFound(`thread of ${record.entity}`);
      const body = await publishedEntity(definitions, record.entity, tx);
      const party = await threadParty(db, tx, { account, body }, record.data);
      return openThread(db, tx, record, party, dateOf(this.deps.clock));
    });
  }

  private async messages(conversationId: string, withNotes: boolean): Promise<MessageView[]> {
    const rows = await this.deps.db.query<Record<string, unknown>>(
      `select * from (select * from message where conversation_id = ? and (? or not internal)
         order by seq desc limit ?) newest order by seq`,
      [conversationId, withNotes, maxMessages],
    );
    return rows.map(messageView);
  }
}
