import type { NodeSpec } from '../../node-spec.js';
import { evaluateFor, nextId, setVariables } from '../../walk.js';
import { multiInstanceStart } from '../multi-instance-run.js';
import { resolveAssignee } from '../task-assignee.js';
import { type UserTaskNode, userTaskShape } from './schema.js';

/** Creates a task for its assignee and waits until it is completed; the task's answers become variables. */
export const userTaskNode: NodeSpec<UserTaskNode> = {
  ...userTaskShape,
  run({ node, token, walk }) {
    const multi = multiInstanceStart(walk, token, node.config.multiInstance);
    if (multi) return multi;
    const taskId = nextId(walk, 'task-');
    const assignee = resolveAssignee(walk, token, node.config.assignee);
    const dueAt = dueOf(node, (source) => evaluateFor(walk, token, source), walk.clock.now());
    walk.effects.push({
      type: 'createTask',
      taskId,
      tokenId: token.id,
      nodeId: node.id,
      kind: 'user',
      assignee,
      ...(node.name ? { title: node.name } : {}),
      ...(node.config.form ? { form: node.config.form } : {}),
      ...(dueAt !== undefined ? { dueAt } : {}),
      ...(walk.instance.record ? { record: walk.instance.record } : {}),
    });
    return { wait: { kind: 'tasks', tasks: [{ taskId, assignee }] } };
  },
  resume({ token, walk }, event) {
    if (event.type !== 'taskCompleted') return { refuse: 'the task waits for its completion' };
    const task = token.wait?.kind === 'tasks' ? token.wait.tasks[0] : undefined;
    if (task?.assignee.kind === 'user' && task.assignee.value !== event.actor)
      return { refuse: 'the task is assigned to someone else' };
    setVariables(walk, event.variables);
    return { leave: true, outcome: event.outcome ?? 'completed' };
  },
};

/** A due date: seconds from now, or an expression giving a date (or epoch milliseconds). */
function dueOf(node: UserTaskNode, evaluate: (source: string) => unknown, now: number): number | undefined {
  if (node.config.dueInSeconds) return now + node.config.dueInSeconds * 1000;
  if (!node.config.dueExpression) return undefined;
  const value = evaluate(node.config.dueExpression);
  const at = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(at) ? undefined : at;
}
