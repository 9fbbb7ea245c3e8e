import type { AttachmentRef } from '../conversations/message.js';
import type { Value } from '../forms/expressions/index.js';

/**
 * What can happen to a bot session. The server turns channel messages, timers, effect results and platform
 * events into these and feeds them to `stepBot` one at a time per conversation.
 */
export type BotEvent =
  /** A client's message; `buttonId` when they pressed a button (the button's value). */
  | { type: 'message'; text: string; attachments?: AttachmentRef[]; buttonId?: string }
  /** The client opened a new dialog (the `newDialog` trigger). */
  | { type: 'dialogOpened' }
  /** A timer the session scheduled fired (the `event` of its scheduleTimer effect). */
  | { type: 'timer'; blockId: string; attempt: number }
  /** A no-reply timer fired: the client said nothing since step `turn`. */
  | { type: 'noReply'; triggerId: string; turn: number }
  /** The result of an effect (a script, an integration, a search, a record, a process). */
  | { type: 'result'; requestId: string; ok: true; value: Value }
  | { type: 'result'; requestId: string; ok: false; error: string }
  /** An operator handed the dialog back to the bot (or interrupted its wait). */
  | { type: 'operatorReturned'; blockId: string }
  /** A record's status changed (the `event` trigger, source `recordStatus`). */
  | { type: 'recordStatus'; entity: string; recordId: string; status: string }
  /** A business process sent the dialog a message (the `event` trigger, source `processMessage`). */
  | { type: 'processMessage'; message: string; variables?: Record<string, Value> }
  /** A schedule trigger is due (the server computes when from the trigger's time and days). */
  | { type: 'schedule'; triggerId: string }
  /** Another bot handed the dialog to this one. */
  | { type: 'jump'; fromBot?: string; variables?: Record<string, Value> };

export type BotEventType = BotEvent['type'];
