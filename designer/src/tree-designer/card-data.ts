import type { Node } from '@xyflow/react';
import type { DropIntent } from './drop-target';
import type { NodeKind } from './node-kind';
import type { NodeStatSummary } from './stats-format';

/** What one card on the canvas shows; computed from the body, problems, statistics and article titles. */
export interface TreeCardData extends Record<string, unknown> {
  title: string;
  kind: NodeKind;
  isRoot: boolean;
  /** The line under the title: the article's title, the answer, or the explanation. */
  detail: string | null;
  /** The detail is a warning (no article chosen, article not found). */
  detailWarn: boolean;
  childCount: number;
  /** Depth below the start when it is past the recommended one, else null. */
  deepAt: number | null;
  problems: string[];
  stats: NodeStatSummary | null;
  /** While another card is dragged over this one: what dropping would do. */
  drop: DropIntent['kind'] | null;
  /** A question with choices can fold them away: whether it is folded, and how many nodes that hides. */
  fold: { folded: boolean; hidden: number } | null;
  /** Drawn in the outline (links leave from the card's left side), not the top-down tree. */
  outline: boolean;
}

export type TreeFlowNode = Node<TreeCardData, 'tree-node'>;
