import type { BotBlock } from '@opora/runtime/bots';
import type { ComponentType } from 'react';

/** What every block panel gets: its block, and a way to replace it (typing in one field is one undo step). */
export interface PanelProps<B extends BotBlock> {
  block: B;
  /** `field` groups consecutive edits of one field into one undo step. */
  onChange: (next: B, field?: string) => void;
}

export type PanelComponent<B extends BotBlock> = ComponentType<PanelProps<B>>;
