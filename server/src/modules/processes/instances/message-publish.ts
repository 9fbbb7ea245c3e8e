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
  /**
   * The process that threw it: it starts no new instance of itself (a process that starts on a message it
   * throws would otherwise start itself for ever).
   */
  from?: string;
}

export interface ProcessMessagePayload {
  message: ProcessMessage;
  /** Names the instances it starts, so a job run again starts none twice. */
  key: string;
}

/** Waiting instances one message reaches, at most; and processes it starts. */
const maxDeliveries = 1000;

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
    if (row?.status === 'running' && (await feedRow(deps, tx, row, event)).ok) delivered++;
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
      idempotencyKey: `message:${key}:${process.key}`,
    });
    delivered++;
  }
  return delivered;
}
