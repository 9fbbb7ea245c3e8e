import type { ChannelType } from '@opora/runtime/conversations';
import type { ConversationView } from './conversation-types.js';
import type { OperatorStatus } from './distribution-types.js';
import type { LocalText } from './types.js';

/** Which target of a line's SLA a dialog missed: the first answer, or the whole resolution. */
export type SlaBreachKind = 'first_response' | 'resolution';

/** A line's targets in seconds (either may be unset: nothing is measured then). */
export interface SlaTargets {
  firstResponseSeconds: number | null;
  resolutionSeconds: number | null;
}

/** Average of today's ratings (null when nobody rated yet) and how many there are. */
export interface CsatToday {
  average: number | null;
  count: number;
}

/** A dialog on the board: waiting in the line's queue, led by an operator, or still with the line's bot. */
export interface BoardDialog {
  id: string;
  clientName: string | null;
  channel: ChannelType;
  handler: 'queue' | 'operator' | 'bot';
  operatorId: string | null;
  operatorName: string | null;
  /** Since when it waits (queue), is led (operator) or talks with the bot (bot: since it opened). */
  since: string;
  queuedAt: string | null;
  openedAt: string;
  firstResponseAt: string | null;
  /** When the first answer is due (null: no target, already answered, or still with the bot — its time does not count). */
  firstResponseDue: string | null;
  /** When the dialog must be resolved (null: no target, or still with the bot). */
  resolutionDue: string | null;
  /** What it has missed by the board's `now` (first response first). */
  breach: SlaBreachKind | null;
}

/** An operator who serves a line and is at work (online or away), with their dialogs and room. */
export interface BoardOperator {
  id: string;
  name: string;
  status: OperatorStatus;
  /** Open dialogs they lead (of every line). */
  load: number;
  /** How many they lead at once on this line. */
  capacity: number;
}

export interface BoardLine {
  key: string;
  /** Only a bot answers here: no queue, no operators, no SLA; its dialogs are the bot's. */
  botOnly: boolean;
  title: LocalText;
  sla: SlaTargets;
  waiting: number;
  /** When the longest-waiting dialog joined the queue (null: nobody waits). */
  oldestQueuedAt: string | null;
  longestWaitSeconds: number | null;
  inProgress: number;
  /** Open dialogs the line's bot is talking with (a supervisor may join one). */
  withBot: number;
  /** Open dialogs past a target now. */
  breaches: number;
  /** Waiting first (queue order), then those in progress, then the bot's; at most `dialogsLimit` of all three. */
  dialogs: BoardDialog[];
  operators: BoardOperator[];
  csat: CsatToday;
}

/** `GET /supervisor/board`: every published line with operators, at `now`; "today" starts at `dayStart`. */
export interface SupervisorBoard {
  now: string;
  dayStart: string;
  timeZone: string;
  dialogsLimit: number;
  lines: BoardLine[];
  /** Today's ratings per operator, best first. */
  operatorsCsat: (CsatToday & { id: string; name: string })[];
  csat: CsatToday;
}

/** A dialog that missed a target today (newest first). */
export interface SlaBreach {
  conversationId: string;
  lineKey: string;
  kind: SlaBreachKind;
  dueAt: string;
  status: 'open' | 'closed';
  clientName: string | null;
  channel: ChannelType;
  operatorId: string | null;
  operatorName: string | null;
}

export interface SlaBreachPage {
  items: SlaBreach[];
  hasMore: boolean;
  limit: number;
  offset: number;
}

/** What a supervisor's assignment did: `overCapacity` when the operator now leads more than their capacity. */
export interface SupervisorAssignment {
  conversation: ConversationView;
  overCapacity: boolean;
  load: number;
  capacity: number;
}
