import type { RecordSavedListener } from '../../records/record-service.js';
import type { InstanceDeps } from './instance-deps.js';
import { type RecordActionPorts, statusFieldOf } from './record-actions.js';
import { startInstance } from './start-instance.js';

/**
 * Starts the processes whose start event waits for a record of the saved type to be created, or to change its
 * status (to the one the event names, or to any), in the save's transaction: the record and the instances it
 * started commit together, and a save that rolls back started nothing. Each save starts a process once (the key
 * names the record's version).
 */
export function recordStarts(deps: InstanceDeps, ports: RecordActionPorts): RecordSavedListener {
  return async ({ tx, entity, before, after, record, actor }) => {
    const starts = await deps.processes.startingAt(
      (node) =>
        node.type === 'bpmn.startEvent' && node.config.trigger === 'record' && node.config.entity === entity,
      tx,
    );
    if (!starts.length) return;
    const field = before ? await statusFieldOf(ports, tx, entity) : null;
    const statusMoved = field !== null && before?.[field] !== after[field];
    for (const { process, startEvent } of starts) {
      const node = process.node(startEvent);
      if (node?.type !== 'bpmn.startEvent') continue;
      const on = node.config.on ?? 'created';
      const fires =
        on === 'created'
          ? before === null
          : statusMoved && (!node.config.status || node.config.status === after[field as string]);
      if (!fires) continue;
      await startInstance(deps, tx, process, {
        startEvent,
        record: { entity, id: record.id },
        variables: { record: { id: record.id, number: record.number, title: record.title } },
        ...(actor ? { actor: actor.id } : {}),
        idempotencyKey: `record:${record.id}:${record.version}:${process.key}`,
      });
    }
  };
}
