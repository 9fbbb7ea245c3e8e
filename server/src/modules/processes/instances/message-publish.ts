import type { ProcessEvent } from '@opora/runtime/processes';
import type { Em } from '../../../db/database.js';
import type { InstanceDeps } from './instance-deps.js';
import { correlationText, lockInstance } from './instance-rows.js';
import { feedRow } from './instance-step.js';
import { startInstance } from './start-instance.js';

export const processMessageJobName = 'process.message';

type Received = Extract<ProcessEvent, { type: 'messageReceived' }>;

/** A message for instances: from the API, a bot, or another instance's throw event. */
export interface ProcessMessage {
  name: string;
  correlation?: Received['correlation'];
  variables?: Received['variables'];
  /** The document the processes it starts are about; a waiting instance keeps its own. */
  record?: { entity: string; id: string };
  /**
   * The process that threw it: it starts no new instance of itself (a process that starts on a message it
   * throws would otherwise start itself for ever).
   */
  from?: string;
  /** How many messages, each thrown on receiving the one before, led to this one (0 or absent: none did). */
  hops?: number;
}

export interface ProcessMessagePayload {
  message: ProcessMessage;
  /** Names the instances it starts, so a job run again starts none twice. */
  key: string;
}

/** Waiting instances one message reaches, at most; and processes it starts. */
const maxDeliveries = 1000;

/**
 * Messages one chain may pass on: A's message starts or wakes B, whose message starts or wakes A … A chain
 * longer than this is a loop in the design, and its next message is dropped (and logged) instead of delivered.
 */
export const maxMessageHops = 20;

/**
 * A throw event's message, delivered by a job after the step commits: the instance that threw it holds its own
 * lock now, and taking others' from under it could deadlock with one throwing back.
 */
export async function publishLater(deps: InstanceDeps, tx: Em, message: ProcessMessage, key: string) {
  await deps.jobs.enqueue(
    processMessageJobName,
    { message, key } satisfies ProcessMessagePayload,
    { idempotencyKey: `${processMessageJobName}:${key}`, maxAttempts: 5 },
    tx,
  );
}

/**
 * Delivers a message: every running instance with a token waiting for its name and correlation takes it (locked
 * in id order, so two deliveries never wait on each other crosswise), and every process whose start event waits
 * for the name starts (its latest version). Answers how many instances took or started from it.
 */
export async function deliverMessage(
  deps: InstanceDeps,
  tx: Em,
  message: ProcessMessage,
  key: string,
): Promise<number> {
  const hops = message.hops ?? 0;
  if (hops > maxMessageHops) {
    deps.onDroppedMessage?.(message);
    return 0;
  }
  const correlation = correlationText(message.correlation);
  const waiting = await deps.db.query<{ instance_id: string }>(
    `select distinct instance_id from process_subscription
      where name = ? and (correlation is null or correlation = ?) order by instance_id limit ?`,
    [message.name, correlation, maxDeliveries],
    tx,
  );
  const event: Received = {
    type: 'messageReceived',
    name: message.name,
    ...(message.correlation !== undefined ? { correlation: message.correlation } : {}),
    ...(message.variables ? { variables: message.variables } : {}),
  };
  let delivered = 0;
  for (const { instance_id } of waiting) {
    const row = await lockInstance(deps.db, tx, instance_id);
    if (row?.status !== 'running') continue;
    // What it throws on receiving this message goes one hop further along this message's chain (a message from
    // outside, hop 0, starts a fresh one).
    const along =
      hops !== (row.state.messageHops ?? 0) ? { ...row, state: { ...row.state, messageHops: hops } } : row;
    if ((await feedRow(deps, tx, along, event)).ok) delivered++;
  }
  const starts = await deps.processes.startingAt(
    (node) =>
      node.type === 'bpmn.startEvent' &&
      node.config.trigger === 'message' &&
      node.config.message === message.name,
    tx,
  );
  for (const { process, startEvent } of starts) {
    if (process.key === message.from) continue;
    await startInstance(deps, tx, process, {
      startEvent,
      ...(message.variables ? { variables: message.variables } : {}),
      ...(message.record ? { record: message.record } : {}),
      ...(hops ? { messageHops: hops } : {}),
      idempotencyKey: `message:${key}:${process.key}`,
    });
    delivered++;
  }
  return delivered;
}
