import type { ProcessFlow } from '../definitions/process/schema.js';
import type { Value } from '../forms/expressions/index.js';
import type { ProcessEvent } from './events.js';
import type { Token, Wait } from './instance.js';
import type { NodeShape } from './node-shape.js';
import type { Walk } from './walk.js';

/** The events a waiting node can be resumed with. */
export type ResumeEvent = Extract<
  ProcessEvent,
  { type: 'taskCompleted' } | { type: 'timerFired' } | { type: 'messageReceived' } | { type: 'effectResult' }
>;

/**
 * How a node's run or resume ends. `leave` goes on by the node's flows (chosen by BPMN's rules for its
 * category), `flows` by the ones the node chose (gateways), `wait` stops the token, `join` parks it at a joining
 * gateway, `end` ends it (terminate and error end more), `fail` raises an error an error boundary event may catch,
 * `incident` fails the instance, `moveTo` passes the token to another node (an event-based gateway's event),
 * `stay` keeps waiting, `refuse` says the event does not answer what the node waits for.
 */
export type NodeOutcome =
  | { leave: true; outcome?: string; scope?: Record<string, Value> }
  | { flows: ProcessFlow[]; outcome?: string }
  | { wait: Wait }
  | { join: true }
  | { end: 'none' | 'terminate' | 'error'; errorCode?: string }
  | { fail: string; code?: string }
  | { incident: string }
  | { moveTo: string; outcome?: string }
  | { stay: true }
  | { refuse: string };

/** What a node's run or resume sees: the node, its token and the step's walk (variables, ids, effects). */
export interface NodeContext<Node> {
  node: Node;
  token: Token;
  walk: Walk;
}

/** A node type as the engine runs it: its shape plus run (a token arrives) and resume (an answer). */
export interface NodeSpec<Node> extends NodeShape<Node> {
  run(ctx: NodeContext<Node>): NodeOutcome;
  resume?(ctx: NodeContext<Node>, event: ResumeEvent): NodeOutcome;
}
