import type { FormSubmitted } from '../../forms/form-service.js';
import type { InstanceDeps } from './instance-deps.js';
import { startInstance } from './start-instance.js';

/**
 * Starts the processes whose start event waits for the submitted form, about the record it saved, in one
 * transaction of their own (the record is committed already). Each submission starts a process once.
 */
export function formStarts(deps: InstanceDeps) {
  return async ({ form, record, actor }: FormSubmitted) => {
    await deps.db.transaction(async (tx) => {
      const starts = await deps.processes.startingAt(
        (node) =>
          node.type === 'bpmn.startEvent' && node.config.trigger === 'form' && node.config.form === form,
        tx,
      );
      for (const { process, startEvent } of starts)
        await startInstance(deps, tx, process, {
          startEvent,
          record: { entity: record.entity, id: record.id },
          variables: { record: { id: record.id, number: record.number, title: record.title } },
          ...(actor ? { actor: actor.id } : {}),
          idempotencyKey: `form:${form}:${record.id}:${record.version}:${process.key}`,
        });
    });
  };
}
