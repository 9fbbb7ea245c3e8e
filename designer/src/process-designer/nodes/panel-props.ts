import type { ProcessBody, ProcessNode } from '@opora/runtime/definitions';
import type { ComponentType } from 'react';

/** What every node panel gets: its node, the whole body (for choices such as a host activity), a way to replace it. */
export interface PanelProps<N extends ProcessNode> {
  node: N;
  body: ProcessBody;
  /** `field` groups consecutive edits of one field into one undo step. */
  onChange: (next: N, field?: string) => void;
}

export type PanelComponent<N extends ProcessNode> = ComponentType<PanelProps<N>>;

/** The node with `config` replaced by `edit(config)`; optional fields left empty are dropped, not stored as ''. */
export function withConfig<N extends ProcessNode>(node: N, patch: Partial<N['config']>): N {
  const config: Record<string, unknown> = { ...node.config, ...patch };
  for (const [key, value] of Object.entries(config))
    if (value === undefined || value === '') delete config[key];
  return { ...node, config } as N;
}
