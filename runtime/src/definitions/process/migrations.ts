import type { BodyMigration } from '../kind-spec.js';

/** v1 placeholder node types and what they become. */
const v1Types: Record<string, string> = {
  'bpm.start': 'bpmn.startEvent',
  'bpm.end': 'bpmn.endEvent',
};

/**
 * v1 → v2: the placeholder (`nodes` of `bpm.*` types with free configs, `edges {from, to, port}`) becomes the
 * BPMN body. Nothing ran v1 processes, so only what has a meaning carries over: the title and entity, start and
 * end nodes (with default configs), their positions and names, and edges between kept nodes as flows. Other
 * placeholder nodes had no schema and are dropped.
 */
export const placeholderToBpmn: BodyMigration = {
  from: 1,
  up(body) {
    const oldNodes = Array.isArray(body.nodes) ? (body.nodes as Record<string, unknown>[]) : [];
    const nodes = oldNodes.flatMap((node) => {
      const type = v1Types[String(node.type)];
      if (!type) return [];
      const label = node.label as { ru?: string } | undefined;
      return [
        {
          id: node.id,
          type,
          typeVersion: 1,
          ...(label?.ru ? { name: label.ru } : {}),
          ...(node.position ? { position: node.position } : {}),
          config: type === 'bpmn.startEvent' ? { trigger: 'none' } : { result: 'none' },
        },
      ];
    });
    const kept = new Set(nodes.map((n) => n.id));
    const edges = Array.isArray(body.edges) ? (body.edges as Record<string, unknown>[]) : [];
    const flows = edges
      .filter((e) => kept.has(e.from) && kept.has(e.to))
      .map((e) => ({ id: e.id, source: e.from, target: e.to }));
    return {
      schemaVersion: 2,
      title: body.title,
      ...(body.entity ? { entity: body.entity } : {}),
      nodes,
      flows,
    };
  },
};
