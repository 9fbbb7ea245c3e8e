import type { LocalText } from './types.js';

export type OperatorStatus = 'online' | 'away' | 'offline';

/** An operator's state and what they serve (capacity null: the lines' own). */
export interface OperatorProfile {
  userId: string;
  status: OperatorStatus;
  statusSince: string;
  capacity: number | null;
  groups: string[];
  skills: string[];
  lastAssignedAt: string | null;
}

/** «На мне» (open dialogs the operator leads) and «На команде» (dialogs waiting on the lines they serve). */
export interface QueueCounts {
  mine: number;
  team: number;
}

/** A colleague a dialog may be passed to. */
export interface StaffMember {
  id: string;
  name: string;
  status: OperatorStatus;
  load: number;
  capacity: number | null;
  groups: string[];
  skills: string[];
}

export interface LineSummary {
  key: string;
  title: LocalText;
}

/** Where a dialog goes: a colleague, or another line's queue; the note is for colleagues only. */
export type TransferTarget = { operatorId: string; note?: string } | { lineKey: string; note?: string };
