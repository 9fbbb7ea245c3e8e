import type { ConversationView } from '@opora/sdk';
import { client } from '../../lib/api';

/** The request a dialog was handed to. */
export interface EscalatedRequest {
  id: string;
  entity: string;
  number: number;
  title: string;
}

export interface EscalationState {
  request: EscalatedRequest | null;
  draft: { entity: string; data: Record<string, unknown>; attachments: number } | null;
}

export interface DialogRating {
  score: number | null;
  comment: string | null;
  ratedAt: string | null;
}

const base = (id: string) => `/conversations/${encodeURIComponent(id)}`;

export const escalationApi = {
  state: (id: string) => client.request<EscalationState>('GET', `${base(id)}/escalation`),
  escalate: (id: string, data: Record<string, unknown>) =>
    client.request<EscalatedRequest>('POST', `${base(id)}/escalate`, { body: { data } }),
  rating: (id: string) => client.request<{ rating: DialogRating | null }>('GET', `${base(id)}/csat`),
  dialogsOf: (recordId: string) =>
    client.request<{ conversations: ConversationView[] }>(
      'GET',
      `/escalations/${encodeURIComponent(recordId)}`,
    ),
};
