import { type Static, Type } from '@sinclair/typebox';
import { Bounds, ExpressionSource, VariableName } from '../../processes/node-shape.js';
import { nodeShapes, type ProcessNode } from '../../processes/nodes/shapes.js';
import { DefinitionKey, ElementId, LText, Strict } from '../common-schemas.js';

/**
 * A business process (schemaVersion 2), BPMN 2.0's meaning:
 *
 * ```
 * { schemaVersion: 2, title, entity?, variables?: [{ name, label? }],
 *   nodes: [{ id, type: 'bpmn.<element>' | 'opora.approvalTask', typeVersion: 1, name?, position?, parent?, lane?,
 *             config }],
 *   flows: [{ id, source, target, name?, condition?, isDefault?, waypoints? }],
 *   lanes?: [{ id, name?, position? }],
 *   kept?: [{ id, bpmnType, xml, diXml? }] }
 * ```
 *
 * Node schemas live in their folders (runtime/src/processes/nodes/<type>/schema.ts); this union is built from the
 * node registry. `flows` are sequence flows: `condition` is a forms-language expression over the variables,
 * `isDefault` marks a gateway's default flow. `kept` holds BPMN elements the engine does not execute (annotations,
 * data objects, pools, unknown events), preserved for export; publish refuses those connected to the graph.
 */
export const ProcessNodeSchema = Type.Union(Object.values(nodeShapes).map((shape) => shape.schema));

export const ProcessFlowSchema = Strict({
  id: ElementId,
  source: ElementId,
  target: ElementId,
  name: Type.Optional(Type.String({ maxLength: 500 })),
  condition: Type.Optional(ExpressionSource),
  isDefault: Type.Optional(Type.Boolean()),
  waypoints: Type.Optional(Type.Array(Strict({ x: Type.Number(), y: Type.Number() }), { maxItems: 200 })),
});

export const ProcessVariableSchema = Strict({ name: VariableName, label: Type.Optional(LText) });

export const ProcessLaneSchema = Strict({
  id: ElementId,
  name: Type.Optional(Type.String({ maxLength: 500 })),
  position: Type.Optional(Bounds),
});

export const KeptElementSchema = Strict({
  id: Type.String({ minLength: 1, maxLength: 200 }),
  bpmnType: Type.String({ minLength: 1, maxLength: 200 }),
  xml: Type.String({ maxLength: 200 * 1024 }),
  diXml: Type.Optional(Type.String({ maxLength: 200 * 1024 })),
});

export const ProcessBodySchema = Strict({
  schemaVersion: Type.Literal(2),
  title: LText,
  /** The record type the process is about (the documents an approval decides). */
  entity: Type.Optional(DefinitionKey),
  variables: Type.Optional(Type.Array(ProcessVariableSchema, { maxItems: 200 })),
  nodes: Type.Array(ProcessNodeSchema, { maxItems: 2000 }),
  flows: Type.Array(ProcessFlowSchema, { maxItems: 5000 }),
  lanes: Type.Optional(Type.Array(ProcessLaneSchema, { maxItems: 100 })),
  kept: Type.Optional(Type.Array(KeptElementSchema, { maxItems: 2000 })),
});

export type ProcessFlow = Static<typeof ProcessFlowSchema>;
export type KeptElement = Static<typeof KeptElementSchema>;
/** A process body; nodes are typed from their folders' schemas (the union above is built at run time). */
export type ProcessBody = Omit<Static<typeof ProcessBodySchema>, 'nodes'> & { nodes: ProcessNode[] };
export type { ProcessNode };
