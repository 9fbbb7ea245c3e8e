import type { OporaClient } from './client.js';
import type { ConversationView, MessageView } from './conversation-types.js';

const enc = encodeURIComponent;

/** A request's thread: its conversation and messages, oldest first. */
export interface RequestThread {
  conversation: ConversationView;
  messages: MessageView[];
}

/** What staff write in a request's thread: an answer to the client (also mailed) or an internal note. */
export interface ThreadAnswerInput {
  text: string;
  internal?: boolean;
  /** The writer's own id of the message: a retried send stores it once. */
  clientMessageId?: string;
}

/** Requests' threads: staff on the request card, the client in «Мои обращения». */
export class ThreadApi {
  constructor(private readonly client: OporaClient) {}

  /** Every message of a request's thread, internal notes included (staff). */
  ofRecord(entity: string, id: string): Promise<RequestThread> {
    return this.client.request('GET', `/records/${enc(entity)}/${enc(id)}/thread`);
  }
  answer(entity: string, id: string, input: ThreadAnswerInput): Promise<MessageView> {
    return this.client.request('POST', `/records/${enc(entity)}/${enc(id)}/thread`, { body: input });
  }
  /** The public messages of one of the signed-in client's requests. */
  mine(requestId: string): Promise<RequestThread> {
    return this.client.request('GET', `/portal/my/requests/${enc(requestId)}/messages`);
  }
  write(requestId: string, input: { text: string; clientMessageId: string }): Promise<MessageView> {
    return this.client.request('POST', `/portal/my/requests/${enc(requestId)}/messages`, { body: input });
  }
}
