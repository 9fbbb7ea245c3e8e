import type { LiveMessage } from '@opora/sdk';
import { liveAddress } from '../../adapters/live-hub/live-address.js';
import type { LiveHub } from '../../adapters/live-hub/live-hub.js';
import type { Em } from '../../db/database.js';
import type { ConversationView } from '../conversations/conversation-types.js';

/**
 * Tells the screens that a dialog's holder changed: the contact centre's lists, whoever has it open, the operators
 * concerned (their «На мне» moves) and the staff of its line (their «На команде» moves). Leaves when tx commits.
 */
export async function pushAssignment(
  hub: LiveHub,
  tx: Em,
  conversation: ConversationView,
  operators: readonly (string | null)[],
  lineKeys: readonly (string | null)[] = [conversation.lineKey],
): Promise<void> {
  const to = [liveAddress.contactCentre, liveAddress.conversation(conversation.id)];
  for (const id of operators) if (id) to.push(liveAddress.user(id));
  for (const key of lineKeys) if (key) to.push(liveAddress.line(key));
  const push: LiveMessage = { type: 'conversation', conversation };
  await hub.send(tx, to, push);
}
