import type { BotBody } from '@opora/runtime/definitions';
import { botProblems } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { sampleBot } from '../../test-fixtures/sample-bot';
import { addBlock, connect, placeBlocks, removeBlock, renameBlock, triggerNodeId } from './bot-ops';
import { createBotStore } from './bot-store';
import { newBlock, newOption, newTrigger } from './new-nodes';

describe('bot store', () => {
  it('undoes and redoes adding, connecting and removing blocks, reporting each body', () => {
    const reported: BotBody[] = [];
    const store = createBotStore(sampleBot(), (b) => reported.push(b));
    const block = newBlock(store.get().body, 'message');
    store.change((b) => addBlock(b, block), block.id);
    store.change((b) => connect(b, 'operator', 'next', block.id));
    store.change((b) => removeBlock(b, 'ask'), null);
    expect(store.get().body.blocks.map((b) => b.id)).toEqual(['greet', 'menu', 'operator', 'bye', 'message']);
    expect(store.get().body.blocks[1]?.exits).toEqual({ 'option:other': 'operator', fallback: 'operator' });
    store.undo();
    expect(store.get().body.blocks[1]?.exits).toMatchObject({ 'option:pay': 'ask' });
    expect(store.get().selected).toBe('message');
    store.undo();
    store.undo();
    expect(store.get().body).toEqual(sampleBot());
    store.redo();
    expect(store.get().selected).toBe('message');
    expect(reported).toHaveLength(7);
  });

  it('merges typing in one field into one step and keeps a trigger selected', () => {
    const store = createBotStore(sampleBot(), () => undefined);
    store.select(triggerNodeId('start'));
    for (const ru of ['П', 'Пр', 'При'])
      store.change(
        (b) => ({ ...b, blocks: b.blocks.map((x) => (x.id === 'greet' ? { ...x, text: { ru } } : x)) }),
        undefined,
        'greet:text',
      );
    expect(store.get().past).toHaveLength(1);
    store.undo();
    expect(store.get().selected).toBe(triggerNodeId('start'));
    expect(store.get().body).toEqual(sampleBot());
  });

  it('drops a selection whose block is gone after a reload', () => {
    const store = createBotStore(sampleBot(), () => undefined);
    store.select('ask');
    store.reset(removeBlock(sampleBot(), 'ask'));
    expect(store.get().selected).toBeNull();
  });
});

describe('bot edits', () => {
  it('renames a block with every exit and trigger pointing to it, and refuses a taken id', () => {
    const renamed = renameBlock(sampleBot(), 'greet', 'hello');
    expect(renamed.triggers[0]?.next).toBe('hello');
    expect(renamed.blocks[0]?.id).toBe('hello');
    expect(renameBlock(sampleBot(), 'greet', 'menu')).toEqual(sampleBot());
    const body = sampleBot();
    expect(renameBlock(body, 'greet', 'bad id')).toBe(body);
  });

  it('makes new ids unique and new blocks that pass the check once connected', () => {
    let body = sampleBot();
    for (const type of ['message', 'message', 'buttons', 'ask', 'wait', 'kb-search', 'condition'] as const) {
      const block = newBlock(body, type);
      body = connect(addBlock(body, block), 'ask', 'next', block.id);
      body = connect(body, block.id, 'next', 'bye');
    }
    expect(new Set(body.blocks.map((b) => b.id)).size).toBe(body.blocks.length);
    expect(body.blocks.filter((b) => b.type === 'message').map((b) => b.id)).toEqual([
      'greet',
      'message',
      'message-2',
    ]);
    const asks = body.blocks.filter((b) => b.type === 'ask');
    expect(asks.map((b) => b.type === 'ask' && b.variable)).toEqual(['order', 'answer']);
    expect(newTrigger(body, 'keyword', 'greet')).toMatchObject({ id: 'keyword', next: 'greet' });
    expect(newOption([{ id: 'o1' }, { id: 'o3' }]).id).toBe('o4');
  });

  it('starts the sample bot with no problems and reports a dangling exit by its block', () => {
    expect(botProblems(sampleBot(), 'ru')).toEqual([]);
    const block = newBlock(sampleBot(), 'message');
    const body = connect(addBlock(sampleBot(), block), 'ask', 'next', block.id);
    const problems = botProblems(body, 'ru');
    expect(problems.some((p) => p.pointer.startsWith('/blocks/5'))).toBe(true);
  });

  it('saves positions rounded, and the same body when nothing moved', () => {
    const body = placeBlocks(sampleBot(), new Map([['greet', { x: 10.4, y: 20.6 }]]));
    expect(body.blocks[0]?.position).toEqual({ x: 10, y: 21 });
    expect(placeBlocks(body, new Map([['greet', { x: 10, y: 21 }]]))).toBe(body);
  });
});
