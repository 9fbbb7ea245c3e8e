import type { BotBlockStats } from '@opora/sdk';
import type { Node } from '@xyflow/react';

export interface ExitRow {
  name: string;
  label: string;
  connected: boolean;
  required: boolean;
}

/** What a block's card shows; computed by the designer so the card itself only draws. */
export interface BlockCardData extends Record<string, unknown> {
  kind: 'block';
  type: string;
  typeName: string;
  label: string | undefined;
  summary: { text: string; code: boolean };
  exits: ExitRow[];
  problems: string[];
  /** The test chat's session is at this block. */
  current: boolean;
  height: number;
  /** How live dialogs went through the block, while statistics are shown. */
  stats: BotBlockStats | null;
}

export interface TriggerCardData extends Record<string, unknown> {
  kind: 'trigger';
  typeName: string;
  detail: string;
  problems: string[];
  height: number;
}

export type BlockFlowNode = Node<BlockCardData, 'bot-block'>;
export type TriggerFlowNode = Node<TriggerCardData, 'bot-trigger'>;
export type BotFlowNode = BlockFlowNode | TriggerFlowNode;
