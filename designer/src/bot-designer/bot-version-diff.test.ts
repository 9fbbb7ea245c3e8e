import type { BotBlock, BotBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { sampleBot } from '../../test-fixtures/sample-bot';
import { botVersionDiff, isSame } from './bot-version-diff';

const ids = (blocks: BotBlock[]) => blocks.map((b) => b.id);

describe('a bot version against the draft', () => {
  it('lists blocks added, removed and changed, and not blocks only moved', () => {
    const version = sampleBot();
    const draft: BotBody = structuredClone(version);
    const [first, second] = draft.blocks as [BotBlock, BotBlock];
    draft.blocks[0] = { ...first, position: { x: 900, y: 40 } };
    draft.blocks[1] = { ...second, label: 'Новое имя' };
    const removed = draft.blocks.pop() as BotBlock;
    draft.blocks.push({ id: 'extra', type: 'end', typeVersion: 1, exits: {} });
    const diff = botVersionDiff(version, draft);
    expect(diff && ids(diff.added)).toEqual(['extra']);
    expect(diff && ids(diff.removed)).toEqual([removed.id]);
    expect(diff && ids(diff.changed)).toEqual([second.id]);
    expect(diff?.settingsChanged).toBe(false);
  });

  it('notices changed triggers and settings, and says when the draft is the version', () => {
    const version = sampleBot();
    const same = botVersionDiff(version, structuredClone(version));
    expect(same && isSame(same)).toBe(true);
    const draft = { ...structuredClone(version), title: { ru: 'Другой' } };
    const diff = botVersionDiff(version, draft);
    expect(diff?.settingsChanged).toBe(true);
    expect(diff && isSame(diff)).toBe(false);
  });

  it('says nothing of bodies that are not bots', () => {
    expect(botVersionDiff({ schemaVersion: 1 }, sampleBot())).toBeNull();
    expect(botVersionDiff(sampleBot(), null)).toBeNull();
  });
});
