import type { ProcessEvent } from '@opora/runtime/processes';
import type { Em } from '../../../db/database.js';
import type { InstanceDeps } from './instance-deps.js';
import { type InstanceRow, messageWaits } from './instance-rows.js';
import type { ProcessMessage } from './message-publish.js';
import { feedLater } from './process-jobs.js';

type Received = Extract<ProcessEvent, { type: 'messageReceived' }>;

/**
 * A message no instance waited for, kept (PROCESS_MESSAGE_TTL_SECONDS) for one that will: a payment confirmed
 * by a webhook a moment before the process reaches the step that waits for it is not lost. Its row in
 * `process_message` (the id that makes a resend harmless) carries the message until it is claimed or expires.
 */
export async function keepMessage(
  deps: InstanceDeps,
  tx: Em,
  messageId: string,
  message: ProcessMessage,
  ttlSeconds: number,
): Promise<Date> {
  const until = new Date(deps.clock.now() + ttlSeconds * 1000);
  await deps.db.query(
    `update process_message set correlation = ?, message = ?::jsonb, expires_at = ? where id = ?`,
    [correlationOf(message), JSON.stringify(message), until, messageId],
    tx,
  );
  return until;
}

const correlationOf = (message: ProcessMessage): string | null =>
  message.correlation === undefined || message.correlation === null ? null : String(message.correlation);

/**
 * After a step: each message wait the instance has now claims the oldest unexpired kept message that fits it
 * (its name, and its correlation unless the wait takes any), at most one each, and gets it by a feed job — the
 * step that made the wait holds the instance's lock. `skip locked`: two instances never claim one message.
 */
export async function claimKeptMessages(deps: InstanceDeps, tx: Em, row: InstanceRow): Promise<void> {
  for (const wait of messageWaits(row.state)) {
    const [kept] = await deps.db.query<{ id: string; message: ProcessMessage }>(
      `update process_message set delivered = 1 where id = (
         select id from process_message
          where delivered = 0 and expires_at > ? and name = ? and (?::text is null or correlation = ?)
          order by received_at, id limit 1 for update skip locked)
       returning id, message`,
      [new Date(deps.clock.now()), wait.name, wait.correlation, wait.correlation],
      tx,
    );
    if (!kept) continue;
    const event: Received = {
      type: 'messageReceived',
      name: kept.message.name,
      ...(kept.message.correlation !== undefined ? { correlation: kept.message.correlation } : {}),
      ...(kept.message.variables ? { variables: kept.message.variables } : {}),
    };
    await feedLater(deps, tx, row.id, event, `${row.id}:kept:${kept.id}`);
  }
}
