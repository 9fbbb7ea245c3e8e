import type { ProcessEvent } from '@opora/runtime/processes';
import type { HandlerOptions, JobHandler } from '../../../adapters/job-queue/index.js';
import type { Em } from '../../../db/database.js';
import { AppError } from '../../../http/app-error.js';
import {
  carryOutShared,
  failureText,
  type SharedEffectPorts,
  type SharedEffectRequest,
  sharedRequestTypes,
} from '../../effects/shared-requests.js';
import type { StatusStep } from '../process-documents.js';
import type { InstanceDeps } from './instance-deps.js';
import { type InstanceRow, lockInstance } from './instance-rows.js';
import { feedRow } from './instance-step.js';
import { processNotFound } from './process-instances.js';
import type { ProcessEffectPayload, ProcessRequest } from './process-jobs.js';
import { messageRecordClient, type RecordActionPorts, setRecordStatus } from './record-actions.js';
import { startInstance } from './start-instance.js';

type Result = Extract<ProcessEvent, { type: 'effectResult' }>;

export type ProcessEffectPorts = Omit<SharedEffectPorts, 'startProcess'> & RecordActionPorts;

const isShared = (effect: ProcessRequest): effect is Exclude<SharedEffectRequest, { type: 'startProcess' }> =>
  sharedRequestTypes.has(effect.type) && effect.type !== 'startProcess';

/**
 * A process's request. Scripts, integrations and record writes run before the job's transaction opens (they hold
 * no lock and may use the database themselves), as the bots' do; the record's status, the client's message and a
 * called process are written in the job's transaction, so they commit with the result fed to the instance — or,
 * for a called process, with the child, whose end answers later. An instance that ended meanwhile ignores it.
 */
export function processEffectJob(
  deps: InstanceDeps,
  ports: ProcessEffectPorts,
): { handler: JobHandler; options: HandlerOptions } {
  return {
    options: {
      outside: async (payload) => {
        const { instanceId, effect } = payload as ProcessEffectPayload;
        if (!isShared(effect)) return null;
        return answer(
          effect.requestId,
          () => carryOutShared(ports, effect, ports.language, { kind: 'process', id: instanceId }),
          false,
        );
      },
    },
    handler: async (payload, { em, prepared }) => {
      const { instanceId, effect } = payload as ProcessEffectPayload;
      const row = await lockInstance(deps.db, em, instanceId);
      if (row?.status !== 'running') return;
      const result = (prepared as Result | null) ?? (await carryOutHere(deps, ports, em, row, effect));
      if (result) await feedRow(deps, em, row, result);
    },
  };
}

/** The requests written in the job's transaction; null for a called process (its end answers). */
async function carryOutHere(
  deps: InstanceDeps,
  ports: ProcessEffectPorts,
  tx: Em,
  row: InstanceRow,
  effect: ProcessRequest,
): Promise<Result | null> {
  const record = row.state.record;
  switch (effect.type) {
    case 'setStatus':
      return answer(effect.requestId, () =>
        setRecordStatus(ports, tx, effect.record ?? record, effect.status, statusStep(row)),
      );
    case 'sendClientMessage':
      return answer(effect.requestId, () =>
        messageRecordClient(ports, tx, record, effect.text, `process:${row.id}:${effect.requestId}`),
      );
    case 'startProcess': {
      const process = await deps.processes.latest(effect.process, tx);
      if (!process) return refusal(effect.requestId, processNotFound(effect.process));
      const started = await startInstance(
        deps,
        tx,
        process,
        {
          variables: effect.variables,
          ...(record ? { record } : {}),
          ...(row.startedBy ? { actor: row.startedBy } : {}),
          idempotencyKey: `process:${row.id}:${effect.requestId}`,
        },
        { id: row.id, requestId: effect.requestId },
      ).catch((error: unknown) => {
        if (error instanceof AppError) return error;
        throw error;
      });
      return started instanceof AppError ? refusal(effect.requestId, started) : null;
    }
    default:
      return null;
  }
}

/** Why a status changes: the instance's latest approval decision (who, on what content), else whoever started it. */
function statusStep(row: InstanceRow): StatusStep {
  const decision = row.state.decisions.at(-1);
  return {
    by: decision?.actor ?? row.startedBy ?? null,
    ...(decision?.hash ? { approvedHash: decision.hash } : {}),
  };
}

/**
 * Runs `work` and answers its value, or what it failed with, as the result the instance waits for. Inside the
 * job's transaction (`rethrow`), only a refusal (an AppError, or a plain Error of ours) is the process's answer:
 * anything else (a statement failed) leaves the transaction unusable, and the job retries.
 */
async function answer(requestId: string, work: () => Promise<unknown>, rethrow = true): Promise<Result> {
  try {
    return { type: 'effectResult', requestId, ok: true, value: ((await work()) ?? null) as Result['value'] };
  } catch (error) {
    const refused = error instanceof AppError || (error instanceof Error && error.constructor === Error);
    if (rethrow && !refused) throw error;
    return refusal(requestId, error);
  }
}

function refusal(requestId: string, error: unknown): Result {
  const code = error instanceof AppError ? error.code : undefined;
  return {
    type: 'effectResult',
    requestId,
    ok: false,
    error: { message: failureText(error), ...(code ? { code } : {}) },
  };
}
