import { describe, expect, it } from 'vitest';
import { childrenOf, sampleTree } from '../../test-fixtures/sample-tree';
import { FreshIds, nodeIdFromTitle, retitle } from './node-id';
import { newNode } from './tree-actions';
import { addChild } from './tree-ops';

describe('node ids from titles', () => {
  it('spells the title in latin letters, unique within the tree', () => {
    const body = sampleTree();
    expect(nodeIdFromTitle(body, 'Забыл пароль')).toBe('zabyl-parol');
    const once = addChild(body, 'pay', newNode('zabyl-parol'));
    expect(nodeIdFromTitle(once, 'Забыл пароль')).toBe('zabyl-parol-2');
    const twice = addChild(once, 'pay', newNode('zabyl-parol-2'));
    expect(nodeIdFromTitle(twice, 'Забыл  пароль!')).toBe('zabyl-parol-3');
    // The node being renamed does not collide with itself.
    expect(nodeIdFromTitle(once, 'Забыл пароль', 'zabyl-parol')).toBe('zabyl-parol');
  });

  it('falls back to a word for an empty title, keeps digits and stays within the schema', () => {
    const body = sampleTree();
    expect(nodeIdFromTitle(body, '')).toBe('variant');
    expect(nodeIdFromTitle(body, '«»!?')).toBe('variant');
    expect(nodeIdFromTitle(body, '1С не запускается')).toBe('1s-ne-zapuskaetsya');
    const long = nodeIdFromTitle(body, 'Очень длинный заголовок '.repeat(10));
    expect(long).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(long.length).toBeLessThanOrEqual(56);
  });

  it('lets a fresh node follow its title, everywhere it is named', () => {
    const body = addChild(sampleTree(), 'pay', newNode('novyy-variant'));
    const next = retitle(body, 'novyy-variant', { ru: 'Вернуть деньги' }, true);
    expect(next.id).toBe('vernut-dengi');
    expect(childrenOf(next.body, 'pay')).toEqual(['refund', 'vernut-dengi']);
    expect(next.body.nodes.find((n) => n.id === 'vernut-dengi')?.title).toEqual({ ru: 'Вернуть деньги' });
  });

  it('never renames a node that may not follow its title', () => {
    const body = sampleTree();
    const next = retitle(body, 'refund', { ru: 'Возврат денег' }, false);
    expect(next.id).toBe('refund');
    expect(childrenOf(next.body, 'pay')).toEqual(['refund']);
  });

  it('counts only nodes made in this session and not published as fresh', () => {
    const fresh = new FreshIds();
    fresh.add('novyy-variant');
    expect(fresh.canRename('novyy-variant')).toBe(true);
    expect(fresh.canRename('refund')).toBe(false);
    fresh.renamed('novyy-variant', 'vozvrat');
    expect(fresh.canRename('vozvrat')).toBe(true);
    // Published: from now on its id is in links.
    fresh.fixAll();
    fresh.setPublished(['start', 'vozvrat']);
    expect(fresh.canRename('vozvrat')).toBe(false);
    expect(fresh.canRename('novyy-variant')).toBe(false);
    // A node made after the publication is fresh again, unless it reuses a published id.
    fresh.add('drugoe');
    fresh.add('start');
    expect(fresh.canRename('drugoe')).toBe(true);
    expect(fresh.canRename('start')).toBe(false);
  });
});
