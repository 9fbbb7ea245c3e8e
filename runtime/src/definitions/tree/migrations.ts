import type { BodyMigration } from '../kind-spec.js';

interface NestedNode {
  id: string;
  title: unknown;
  text?: unknown;
  children?: NestedNode[];
  leaf?: unknown;
}

/** v1 → v2: the nested tree becomes a flat node list where each node names its children by id. */
export const flattenNestedTree: BodyMigration = {
  from: 1,
  up(body) {
    const nodes: Record<string, unknown>[] = [];
    const visit = (node: NestedNode): string => {
      const flat: Record<string, unknown> = { id: node.id, title: node.title };
      if (node.text !== undefined) flat.text = node.text;
      if (node.leaf !== undefined) flat.leaf = node.leaf;
      nodes.push(flat);
      const children = (node.children ?? []).map(visit);
      if (children.length) flat.children = children;
      return node.id;
    };
    const root = body.root as NestedNode | undefined;
    return { ...body, root: root ? visit(root) : '', nodes };
  },
};
