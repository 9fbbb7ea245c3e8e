import type { OporaClient } from './client.js';
import type { ConversationView } from './conversation-types.js';
import type { SlaBreachPage, SupervisorAssignment, SupervisorBoard } from './supervisor-types.js';

const enc = encodeURIComponent;

/** The supervisor's live board: lines, queues, operators' load, SLA breaches, today's ratings; assigning and joining dialogs. */
export class SupervisorApi {
  constructor(private readonly client: OporaClient) {}

  board(): Promise<SupervisorBoard> {
    return this.client.request('GET', '/supervisor/board');
  }
  /** Today's breached dialogs, newest first. */
  breaches(query: { limit?: number; offset?: number } = {}): Promise<SlaBreachPage> {
    return this.client.request('GET', '/supervisor/breaches', { query });
  }
  /** Gives a dialog to an operator (online, serving its line); may exceed their capacity, which the answer says. */
  assign(id: string, operatorId: string): Promise<SupervisorAssignment> {
    return this.client.request('POST', `/supervisor/dialogs/${enc(id)}/assign`, { body: { operatorId } });
  }
  /** The supervisor takes the dialog themselves (one the bot talks with, or one waiting): the bot pauses. */
  join(id: string): Promise<ConversationView> {
    return this.client.request('POST', `/supervisor/dialogs/${enc(id)}/join`);
  }
}
