import type { BotBlock, BotBody } from '@opora/runtime/definitions';
import { sameJson } from '../state/same-json';

/** How a draft differs from a published version, block by block (positions on the canvas aside). */
export interface BotVersionDiff {
  added: BotBlock[];
  removed: BotBlock[];
  changed: BotBlock[];
  /** Triggers, variables, the title or other settings differ. */
  settingsChanged: boolean;
}

/** Blocks and settings the draft added, removed or changed against `version`; null when either is not a bot body. */
export function botVersionDiff(version: unknown, draft: unknown): BotVersionDiff | null {
  if (!isBot(version) || !isBot(draft)) return null;
  const before = new Map(version.blocks.map((b) => [b.id, b]));
  const after = new Map(draft.blocks.map((b) => [b.id, b]));
  const { blocks: _v, ...versionSettings } = version;
  const { blocks: _d, ...draftSettings } = draft;
  return {
    added: draft.blocks.filter((b) => !before.has(b.id)),
    removed: version.blocks.filter((b) => !after.has(b.id)),
    changed: draft.blocks.filter((b) => {
      const old = before.get(b.id);
      return old !== undefined && !sameJson(withoutPosition(old), withoutPosition(b));
    }),
    settingsChanged: !sameJson(versionSettings, draftSettings),
  };
}

export const isSame = (diff: BotVersionDiff): boolean =>
  !diff.added.length && !diff.removed.length && !diff.changed.length && !diff.settingsChanged;

/** Where a block stands is layout, not behaviour: moving blocks around is no change worth listing. */
function withoutPosition(block: BotBlock): Omit<BotBlock, 'position'> {
  const { position: _, ...rest } = block;
  return rest;
}

function isBot(body: unknown): body is BotBody {
  const b = body as Partial<BotBody> | null;
  return (
    !!b &&
    Array.isArray(b.blocks) &&
    b.blocks.every((x) => !!x && typeof x === 'object' && typeof x.id === 'string')
  );
}
