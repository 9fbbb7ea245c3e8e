import type { ProcessEffect, ProcessEvent } from '@opora/runtime/processes';
import type { Em } from '../../../db/database.js';
import type { InstanceDeps } from './instance-deps.js';

/** A request the engine waits on (`effectResult`): carried out by a durable job, outside the step. */
export type ProcessRequest = Extract<ProcessEffect, { requestId: string }> & {
  type:
    | 'runScript'
    | 'callIntegration'
    | 'createRecord'
    | 'updateRecord'
    | 'startProcess'
    | 'setStatus'
    | 'sendClientMessage';
};

export const processEffectJobName = 'process.effect';
export const processFeedJobName = 'process.feed';

export interface ProcessEffectPayload {
  instanceId: string;
  effect: ProcessRequest;
}

/** An event for an instance that must not be fed under another's lock (a called process ended, a notice sent). */
export interface ProcessFeedPayload {
  instanceId: string;
  event: ProcessEvent;
}

const requestTypes: ReadonlySet<string> = new Set([
  'runScript',
  'callIntegration',
  'createRecord',
  'updateRecord',
  'startProcess',
  'setStatus',
  'sendClientMessage',
]);

export const isRequest = (effect: ProcessEffect): effect is ProcessRequest => requestTypes.has(effect.type);

/** Enqueues the request in the step's transaction: it exists exactly when the step that asked for it does. */
export async function requestEffect(deps: InstanceDeps, tx: Em, instanceId: string, effect: ProcessRequest) {
  await deps.jobs.enqueue(
    processEffectJobName,
    { instanceId, effect } satisfies ProcessEffectPayload,
    { idempotencyKey: `${processEffectJobName}:${instanceId}:${effect.requestId}`, maxAttempts: 3 },
    tx,
  );
}

/** Enqueues an event for an instance, once per `key`. */
export async function feedLater(
  deps: InstanceDeps,
  tx: Em,
  instanceId: string,
  event: ProcessEvent,
  key: string,
) {
  await deps.jobs.enqueue(
    processFeedJobName,
    { instanceId, event } satisfies ProcessFeedPayload,
    { idempotencyKey: `${processFeedJobName}:${key}`, maxAttempts: 5 },
    tx,
  );
}
