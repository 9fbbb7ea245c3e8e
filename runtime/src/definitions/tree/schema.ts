import { type Static, Type } from '@sinclair/typebox';
import { DefinitionKey, ElementId, LText, literals, Strict } from '../common-schemas.js';

/** Where a leaf leads: a knowledge-base article (by its key), a ready answer, or a way to reach specialists. */
export const TreeLeafSchema = Type.Union([
  Strict({ type: Type.Literal('article'), article: Type.String({ pattern: '^[a-z][a-z0-9-]{0,62}$' }) }),
  Strict({ type: Type.Literal('answer'), text: LText }),
  Strict({
    type: Type.Literal('contact'),
    channel: literals(['form', 'chat', 'forum']),
    /** The portal form (purpose `portal`) a `form` contact opens. */
    form: Type.Optional(DefinitionKey),
    /** Where a chat or forum contact leads (the organisation's chat or forum), when it lives elsewhere. */
    url: Type.Optional(Type.String({ maxLength: 2000, pattern: '^(https?://|/)' })),
    text: Type.Optional(LText),
  }),
]);

export const TreeNodeSchema = Strict({
  id: ElementId,
  /** The short thesis shown as the choice: a question or a life situation. */
  title: LText,
  /** An optional one-line explanation under the title. */
  text: Type.Optional(LText),
  /** The next choices, in the order shown (ids of other nodes). */
  children: Type.Optional(Type.Array(ElementId, { maxItems: 200 })),
  leaf: Type.Optional(TreeLeafSchema),
});

/**
 * A question tree (kind `tree`), version 2: a flat list of nodes, each naming its children, so the designer can
 * move a node by changing one list and publishing can name the node of a cycle or a dangling link.
 */
export const TreeBodySchema = Strict({
  schemaVersion: Type.Literal(2),
  title: LText,
  description: Type.Optional(LText),
  /** The first question (a node with children). */
  root: ElementId,
  nodes: Type.Array(TreeNodeSchema, { minItems: 1, maxItems: 2000 }),
});

export type TreeBody = Static<typeof TreeBodySchema>;
export type TreeNode = Static<typeof TreeNodeSchema>;
export type TreeLeaf = Static<typeof TreeLeafSchema>;
export const treeLeafTypes = ['article', 'answer', 'contact'] as const;

/** Depth past which the designer warns: three levels are what people follow to an answer. */
export const recommendedTreeDepth = 3;
