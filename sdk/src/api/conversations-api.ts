import type { AttachmentRef } from '@opora/runtime/conversations';
import type { OporaClient } from './client.js';
import type {
  ArticleSuggestions,
  ClientTimelinePage,
  ContactSummary,
  ConversationListPage,
  ConversationView,
  MessageView,
} from './conversation-types.js';

const enc = encodeURIComponent;

/** Conversations of every channel, as the contact centre's screens read and answer them. */
export class ConversationsApi {
  constructor(private readonly client: OporaClient) {}

  /** Most recently active first; `hasMore` says whether another page follows. */
  list(
    query: { status?: 'open' | 'closed'; limit?: number; offset?: number } = {},
  ): Promise<ConversationListPage> {
    return this.client.request('GET', '/conversations', { query });
  }
  /** A conversation and its messages, oldest first: after `afterSeq`, or the latest before `beforeSeq`. */
  messages(
    id: string,
    query: { afterSeq?: number; beforeSeq?: number; limit?: number } = {},
  ): Promise<{ conversation: ConversationView; contact: ContactSummary; messages: MessageView[] }> {
    return this.client.request('GET', `/conversations/${enc(id)}/messages`, { query });
  }
  /**
   * Answers (or, `internal`, leaves a note for colleagues) with text, files uploaded by {@link uploadAttachment},
   * or both; a repeated `clientMessageId` answers once.
   */
  answer(
    id: string,
    input: { text?: string; internal?: boolean; clientMessageId?: string; attachments?: AttachmentRef[] },
  ): Promise<MessageView> {
    return this.client.request('POST', `/conversations/${enc(id)}/messages`, { body: input });
  }
  /** Stores a file for an answer in this conversation; put the returned reference into the answer. */
  uploadAttachment(id: string, file: Blob, name?: string): Promise<AttachmentRef> {
    const form = new FormData();
    form.append('file', file, name ?? (file as { name?: string }).name ?? 'file');
    return this.client.request('POST', `/conversations/${enc(id)}/attachments`, { form });
  }
  close(id: string): Promise<ConversationView> {
    return this.client.request('POST', `/conversations/${enc(id)}/close`);
  }
  reopen(id: string): Promise<ConversationView> {
    return this.client.request('POST', `/conversations/${enc(id)}/reopen`);
  }
  /** Marks the conversation read by the signed-in user up to message `seq`. */
  markRead(id: string, seq: number): Promise<{ lastReadSeq: number }> {
    return this.client.request('POST', `/conversations/${enc(id)}/read`, { body: { seq } });
  }
  /** Open conversations with unread client messages (at most 100 are counted). */
  unread(): Promise<{ count: number }> {
    return this.client.request('GET', '/conversations/unread');
  }
  /** Address of a message attachment, for links and <img> in a signed-in browser. */
  fileUrl(id: string, fileId: string): string {
    return `/api/v1/conversations/${enc(id)}/files/${enc(fileId)}`;
  }
  /** The client card's timeline: their conversations of every channel, newest first. */
  clientTimeline(
    entity: string,
    id: string,
    query: { before?: string; limit?: number } = {},
  ): Promise<ClientTimelinePage> {
    return this.client.request('GET', `/records/${enc(entity)}/${enc(id)}/conversations`, { query });
  }
  /** Puts a contact (and its card's other contacts) on another client card; both histories stay. */
  mergeContact(
    contactId: string,
    clientRecordId: string,
  ): Promise<{ movedContacts: number; movedConversations: number }> {
    return this.client.request('POST', `/contacts/${enc(contactId)}/merge`, { body: { clientRecordId } });
  }
  /** Top knowledge-base articles for what the operator typed (`q`), else for the client's last messages. */
  suggestions(id: string, q?: string): Promise<ArticleSuggestions> {
    return this.client.request('GET', `/conversations/${enc(id)}/suggestions`, { query: q ? { q } : {} });
  }
  /** Links the dialog's contact (with its other dialogs) to another client card. */
  linkClient(id: string, clientRecordId: string): Promise<ConversationView> {
    return this.client.request('PUT', `/conversations/${enc(id)}/client`, { body: { clientRecordId } });
  }
  /** Creates a client card from the dialog's contact and links the dialog to it. */
  createClient(id: string): Promise<{ conversation: ConversationView; clientRecordId: string }> {
    return this.client.request('POST', `/conversations/${enc(id)}/client`);
  }
}
