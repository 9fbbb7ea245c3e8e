import { type TObject, type TSchema, Type } from '@sinclair/typebox';
import { ElementId, Strict } from '../definitions/common-schemas.js';

/**
 * What the designer, the publish checks, the BPMN import and the engine all know about one node type without
 * running it: its schema, its BPMN category, whether a token can stop at it, and the expressions it evaluates.
 * Kept apart from run/resume so `runtime/definitions` (browser-safe) needs no engine code.
 */
export interface NodeShape<Node> {
  /** The node's whole schema: the common fields plus its `config`. */
  schema: TObject;
  /** BPMN's category: activities may carry boundary events, gateways split and join, events happen. */
  category: 'event' | 'activity' | 'gateway';
  /** Whether a token can stop at this node (a task, a timer, a message, a result). */
  waits: boolean;
  /** Expressions the node evaluates, each with its pointer inside the node. */
  reads(node: Node): { pointer: string; expression: string }[];
  /** Checks only this node type knows (a timer with no duration), each with a pointer inside the node. */
  problems?(node: Node): NodeProblem[];
}

export interface NodeProblem {
  pointer: string;
  code: string;
  ru: string;
  en: string;
}

/** A variable's name as nodes, flows and expressions use it. */
export const variableNamePattern = '^[A-Za-z_][A-Za-z0-9_]{0,63}$';
export const VariableName = Type.String({ pattern: variableNamePattern });

/** An expression in the forms expression language (a condition, a computed value). */
export const ExpressionSource = Type.String({ minLength: 1, maxLength: 2000 });

/** A name → expression map (values handed to a script, an integration, a record, a called process). */
export const ExpressionMap = Type.Record(
  Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_.-]{0,63}$' }),
  ExpressionSource,
  {
    maxProperties: 100,
  },
);

/** A text with `{{variable}}` placeholders in Russian (required) and English. */
export const TemplateText = Strict({
  ru: Type.String({ minLength: 1, maxLength: 4000 }),
  en: Type.Optional(Type.String({ maxLength: 4000 })),
});

/** BPMN DI bounds of a shape. */
export const Bounds = Strict({
  x: Type.Number(),
  y: Type.Number(),
  width: Type.Optional(Type.Number({ minimum: 0 })),
  height: Type.Optional(Type.Number({ minimum: 0 })),
});

/** The fields every node has, whatever its type. */
const common = {
  id: ElementId,
  typeVersion: Type.Literal(1),
  name: Type.Optional(Type.String({ maxLength: 500 })),
  position: Type.Optional(Bounds),
  /** The enclosing `bpmn.subProcess`. */
  parent: Type.Optional(ElementId),
  lane: Type.Optional(ElementId),
};

/** A node schema: `type`, the common fields and the node's `config`. */
export function nodeSchema<const T extends string, C extends TSchema>(type: T, config: C) {
  return Strict({ type: Type.Literal(type), ...common, config });
}

/** Pointers for an expression map's entries. */
export const expressionMapReads = (at: string, map: Record<string, string> | undefined) =>
  Object.entries(map ?? {}).map(([name, expression]) => ({ pointer: `${at}/${name}`, expression }));
