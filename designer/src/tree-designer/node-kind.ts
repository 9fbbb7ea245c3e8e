import type { TreeLeaf, TreeNode } from '@opora/runtime/definitions';

/** What a node is, as the analyst thinks of it: a question, or one of the ways a walk can end. */
export type NodeKind = 'question' | 'article' | 'answer' | 'form' | 'chat' | 'forum';

export const nodeKinds: readonly NodeKind[] = ['question', 'article', 'answer', 'form', 'chat', 'forum'];

export function kindOf(node: TreeNode): NodeKind {
  const leaf = node.leaf;
  if (!leaf) return 'question';
  return leaf.type === 'contact' ? leaf.channel : leaf.type;
}

/**
 * The leaf a node gets when its kind changes, keeping what still fits (the text of a contact when switching
 * chat → forum). An article starts without one: the live check asks to pick it.
 */
export function leafFor(kind: NodeKind, previous: TreeLeaf | undefined): TreeLeaf | undefined {
  switch (kind) {
    case 'question':
      return undefined;
    case 'article':
      return previous?.type === 'article' ? previous : { type: 'article', article: '' };
    case 'answer':
      return previous?.type === 'answer' ? previous : { type: 'answer', text: { ru: '' } };
    default: {
      const before = previous?.type === 'contact' ? previous : undefined;
      return {
        type: 'contact',
        channel: kind,
        ...(kind === 'form' && before?.form ? { form: before.form } : {}),
        ...(kind !== 'form' && before?.url ? { url: before.url } : {}),
        ...(before?.text ? { text: before.text } : {}),
      };
    }
  }
}
