import { truthy } from '../../../forms/expressions/index.js';
import type { ApprovalState, OpenTask, TaskAssignee, Token, Wait } from '../../instance.js';
import type { NodeOutcome, NodeSpec, ResumeEvent } from '../../node-spec.js';
import { evaluateFor, nextId, timerKey, type Walk } from '../../walk.js';
import { resolveApprovers, verdict } from './approvers.js';
import { type ApprovalTaskNode, approvalTaskShape } from './schema.js';

type TasksWait = Extract<Wait, { kind: 'tasks' }> & { approval: ApprovalState };
type Completed = Extract<ResumeEvent, { type: 'taskCompleted' }>;

/**
 * Document approval: tasks for the approvers (all at once or one after another), decisions counted by the rule,
 * a return for revision sends a task to the author and then opens the same stage again. It leaves with `outcome`
 * ('approved' | 'rejected' | 'returned'). Refused: the author deciding (four eyes), a decision on another
 * version of the document than the current one, an outcome the task does not allow.
 */
export const approvalTaskNode: NodeSpec<ApprovalTaskNode> = {
  ...approvalTaskShape,
  run({ node, token, walk }) {
    const slots = resolveApprovers(walk, token, node).filter(
      (s) => !(s.kind === 'user' && s.value === walk.instance.author),
    );
    if (!slots.length)
      return { incident: `approval "${node.id}" has no approvers (the author cannot approve)` };
    const wait: TasksWait = {
      kind: 'tasks',
      tasks: [],
      approval: { slots, round: 1, phase: 'deciding', decided: {} },
    };
    openStage(walk, token, node, wait);
    return { wait };
  },
  resume({ node, token, walk }, event) {
    const wait = token.wait as TasksWait;
    if (event.type === 'timerFired') return deadline(walk, node, wait, event.key);
    if (event.type !== 'taskCompleted') return { refuse: 'the approval waits for decisions' };
    const task = wait.tasks.find((t) => t.taskId === event.taskId) as OpenTask;
    if (task.slot === -1)
      return event.actor === task.assignee.value
        ? revised(walk, token, node, wait, task)
        : { refuse: 'the revision is the author’s task' };
    return decide(walk, token, node, wait, task, event);
  },
};

function decide(
  walk: Walk,
  token: Token,
  node: ApprovalTaskNode,
  wait: TasksWait,
  task: OpenTask,
  event: Completed,
): NodeOutcome {
  const author = walk.instance.author;
  if (author !== undefined && event.actor === author)
    return { refuse: 'four eyes: the author of the document cannot decide on it' };
  if (task.assignee.kind === 'user' && task.assignee.value !== event.actor)
    return { refuse: 'the task is assigned to someone else' };
  if (event.currentHash !== undefined && event.seenHash !== event.currentHash)
    return { refuse: 'the document changed since the approver saw it: reopen it and decide again' };
  const outcome = event.outcome;
  if (outcome !== 'approve' && outcome !== 'reject' && outcome !== 'return' && outcome !== 'delegate')
    return { refuse: `an approval decides approve, reject, return or delegate, not "${outcome ?? ''}"` };
  if (outcome === 'return' && !node.config.allowReturn)
    return { refuse: 'this approval does not allow a return for revision' };
  if (
    outcome === 'delegate' &&
    (!event.delegateTo || event.delegateTo === author || event.delegateTo === event.actor)
  )
    return { refuse: 'a delegation names someone else than the author and the approver' };
  const slot = task.slot ?? 0;
  walk.instance.decisions.push({
    nodeId: node.id,
    round: wait.approval.round,
    slot,
    actor: event.actor,
    outcome,
    at: walk.clock.now(),
    ...(event.currentHash !== undefined ? { hash: event.currentHash } : {}),
    ...(event.comment ? { comment: event.comment.slice(0, 4000) } : {}),
    ...(event.delegateTo ? { delegateTo: event.delegateTo } : {}),
  });
  closeTask(walk, wait, task);
  if (outcome === 'delegate') {
    const to: TaskAssignee = { kind: 'user', value: event.delegateTo as string };
    wait.approval.slots[slot] = to;
    wait.tasks.push(openTask(walk, token, node, slot, to, 'approval'));
    return { stay: true };
  }
  const comment = event.comment ? event.comment.slice(0, 4000) : null;
  if (outcome === 'return') return returned(walk, token, node, wait, comment);
  wait.approval.decided[slot] = outcome;
  const result = verdict(
    node.config.rule,
    wait.approval.slots.length,
    wait.approval.decided,
    node.config.quorum,
  );
  if (result) return finishWith(walk, wait, result, comment);
  if (node.config.mode === 'sequential') openStage(walk, token, node, wait);
  return { stay: true };
}

/** A return for revision: an explicit 'returned' flow when the analyst drew one, else a task for the author. */
function returned(
  walk: Walk,
  token: Token,
  node: ApprovalTaskNode,
  wait: TasksWait,
  comment: string | null,
): NodeOutcome {
  for (const t of [...wait.tasks]) closeTask(walk, wait, t, true);
  setOutcome(walk, 'returned', comment);
  const drawn = (walk.process.outgoing.get(node.id) ?? []).some(
    (f) =>
      !f.isDefault && f.condition && truthy(evaluateFor(walk, token, f.condition, { outcome: 'returned' })),
  );
  if (drawn || !walk.instance.author)
    return { leave: true, outcome: 'returned', scope: { outcome: 'returned' } };
  wait.approval.phase = 'revision';
  wait.tasks.push(openTask(walk, token, node, -1, { kind: 'user', value: walk.instance.author }, 'revision'));
  return { stay: true };
}

/** The author revised the document: the same stage opens again, its decisions forgotten. */
function revised(
  walk: Walk,
  token: Token,
  node: ApprovalTaskNode,
  wait: TasksWait,
  task: OpenTask,
): NodeOutcome {
  closeTask(walk, wait, task);
  wait.approval = { ...wait.approval, round: wait.approval.round + 1, phase: 'deciding', decided: {} };
  openStage(walk, token, node, wait);
  return { stay: true };
}

function finishWith(
  walk: Walk,
  wait: TasksWait,
  result: 'approved' | 'rejected',
  comment: string | null,
): NodeOutcome {
  for (const t of [...wait.tasks]) closeTask(walk, wait, t, true);
  setOutcome(walk, result, comment);
  return { leave: true, outcome: result, scope: { outcome: result } };
}

/**
 * The built-in variables the approval leaves with: `outcome`, and `outcomeComment` — the deciding approver's
 * comment (the reason of a rejection or a return), so the next steps can tell the client or the author why.
 */
function setOutcome(walk: Walk, outcome: 'approved' | 'rejected' | 'returned', comment: string | null) {
  walk.instance.variables.outcome = outcome;
  walk.instance.variables.outcomeComment = comment;
}

/** Opens the stage's tasks: every undecided approver (parallel), or the next one (sequential). */
function openStage(walk: Walk, token: Token, node: ApprovalTaskNode, wait: TasksWait) {
  const open = new Set(wait.tasks.map((t) => t.slot));
  const waiting = wait.approval.slots
    .map((assignee, slot) => ({ assignee, slot }))
    .filter(({ slot }) => wait.approval.decided[slot] === undefined && !open.has(slot));
  for (const { assignee, slot } of node.config.mode === 'sequential'
    ? waiting.slice(0, open.size ? 0 : 1)
    : waiting)
    wait.tasks.push(openTask(walk, token, node, slot, assignee, 'approval'));
}

function openTask(
  walk: Walk,
  token: Token,
  node: ApprovalTaskNode,
  slot: number,
  assignee: TaskAssignee,
  kind: 'approval' | 'revision',
): OpenTask {
  const taskId = nextId(walk, 'task-');
  const now = walk.clock.now();
  const due = node.config.dueInSeconds;
  const dueAt = due ? now + due * 1000 : undefined;
  walk.effects.push({
    type: 'createTask',
    taskId,
    tokenId: token.id,
    nodeId: node.id,
    kind,
    assignee,
    ...(node.name ? { title: node.name } : {}),
    ...(dueAt !== undefined ? { dueAt } : {}),
    ...(walk.instance.record ? { record: walk.instance.record } : {}),
  });
  const task: OpenTask = { taskId, assignee, slot };
  if (dueAt !== undefined && kind === 'approval') {
    task.dueKey = timerKey(walk, token, node.id);
    walk.effects.push({ type: 'scheduleTimer', key: task.dueKey, at: dueAt });
    const remind = node.config.remindBeforeSeconds;
    if (remind && remind < (due ?? 0)) {
      task.remindKey = timerKey(walk, token, node.id);
      walk.effects.push({ type: 'scheduleTimer', key: task.remindKey, at: dueAt - remind * 1000 });
    }
  }
  return task;
}

/** Forgets a task: completed by its decision, or `cancelled` (the server withdraws it from the inbox). */
function closeTask(walk: Walk, wait: TasksWait, task: OpenTask, cancelled = false) {
  wait.tasks = wait.tasks.filter((t) => t !== task);
  if (cancelled) walk.effects.push({ type: 'cancelTask', taskId: task.taskId });
  for (const key of [task.dueKey, task.remindKey]) if (key) walk.effects.push({ type: 'cancelTimer', key });
}

/** A reminder before the deadline goes to the approver; a passed deadline escalates (to `escalateTo` when set). */
function deadline(walk: Walk, node: ApprovalTaskNode, wait: TasksWait, key: string): NodeOutcome {
  const task = wait.tasks.find((t) => t.dueKey === key || t.remindKey === key);
  if (!task) return { refuse: 'the timer is no longer awaited' };
  const overdue = task.dueKey === key;
  if (overdue) delete task.dueKey;
  else delete task.remindKey;
  walk.effects.push({
    type: 'notifyStaff',
    to: overdue && node.config.escalateTo ? node.config.escalateTo : task.assignee,
    text: overdue
      ? `Срок согласования «${node.name ?? node.id}» прошёл`
      : `Напоминание: согласование «${node.name ?? node.id}»`,
    reason: overdue ? 'overdue' : 'reminder',
    taskId: task.taskId,
  });
  return { stay: true };
}
