import type { OporaClient } from './client.js';
import type { ConversationListPage, ConversationView } from './conversation-types.js';
import type {
  LineSummary,
  OperatorProfile,
  OperatorStatus,
  QueueCounts,
  StaffMember,
  TransferTarget,
} from './distribution-types.js';

const enc = encodeURIComponent;

/** Operators' state and the dialog queues: status, «На мне» / «На команде», taking, transferring, returning. */
export class DistributionApi {
  constructor(private readonly client: OporaClient) {}

  /** The signed-in operator's profile and queue counters. */
  me(): Promise<{ profile: OperatorProfile; counts: QueueCounts }> {
    return this.client.request('GET', '/operators/me');
  }
  /** `auto`: set by the screen on idleness or activity; never overrides a status chosen by hand. */
  setStatus(status: OperatorStatus, auto = false): Promise<OperatorProfile> {
    return this.client.request('PUT', '/operators/me/status', { body: auto ? { status, auto } : { status } });
  }
  /** «На мне» (mine) or «На команде» (team), a page at a time. */
  queue(
    scope: 'mine' | 'team',
    query: { limit?: number; offset?: number } = {},
  ): Promise<ConversationListPage> {
    return this.client.request('GET', `/operator/queues/${scope}`, { query });
  }
  /** Colleagues who work with dialogs, online first. */
  operators(): Promise<{ items: StaffMember[] }> {
    return this.client.request('GET', '/operators');
  }
  /** Lines a dialog may be transferred to. */
  lines(): Promise<{ items: LineSummary[] }> {
    return this.client.request('GET', '/operator/lines');
  }
  /** Takes a waiting dialog; a 409 `dialog_taken` names who was first, `operator_full` says the caller has no room. */
  take(id: string): Promise<ConversationView> {
    return this.client.request('POST', `/conversations/${enc(id)}/take`);
  }
  transfer(id: string, target: TransferTarget): Promise<ConversationView> {
    return this.client.request('POST', `/conversations/${enc(id)}/transfer`, { body: target });
  }
  returnToQueue(id: string): Promise<ConversationView> {
    return this.client.request('POST', `/conversations/${enc(id)}/return`);
  }
}
