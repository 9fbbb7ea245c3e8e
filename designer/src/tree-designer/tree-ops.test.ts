import { describe, expect, it } from 'vitest';
import { childrenOf, sampleTree } from '../../test-fixtures/sample-tree';
import { newNode } from './tree-actions';
import {
  addChild,
  addSibling,
  canMove,
  moveBy,
  moveNode,
  moveTargets,
  removalSet,
  removeSubtree,
  renameNode,
  updateNode,
} from './tree-ops';

describe('tree operations', () => {
  it('adds a choice at the end of a question and a sibling right after a node', () => {
    const body = sampleTree();
    const withChild = addChild(body, 'pay', newNode('n8'));
    expect(childrenOf(withChild, 'pay')).toEqual(['refund', 'n8']);
    expect(withChild.nodes.at(-1)?.id).toBe('n8');
    const withSibling = addSibling(body, 'login', newNode('n8'));
    expect(childrenOf(withSibling, 'start')).toEqual(['login', 'n8', 'pay', 'other']);
  });

  it('refuses to add under an answer, a sibling of the start, or a repeated id', () => {
    const body = sampleTree();
    expect(addChild(body, 'pwd', newNode('n8'))).toBe(body);
    expect(addSibling(body, 'start', newNode('n8'))).toBe(body);
    expect(addChild(body, 'pay', newNode('login'))).toBe(body);
  });

  it('renames a node everywhere it is named, and never onto a taken id', () => {
    const body = sampleTree();
    const next = renameNode(body, 'login', 'ne-mogu-voyti');
    expect(childrenOf(next, 'start')).toEqual(['ne-mogu-voyti', 'pay', 'other']);
    expect(childrenOf(next, 'ne-mogu-voyti')).toEqual(['pwd', 'blocked']);
    expect(next.nodes.some((n) => n.id === 'login')).toBe(false);
    expect(renameNode(body, 'start', 'nachalo').root).toBe('nachalo');
    expect(renameNode(body, 'login', 'pay')).toBe(body);
    expect(renameNode(body, 'nobody', 'x')).toBe(body);
  });

  it('deletes a node with its subtree and says how many go', () => {
    const body = sampleTree();
    expect([...removalSet(body, 'login')].sort()).toEqual(['blocked', 'login', 'pwd']);
    const next = removeSubtree(body, 'login');
    expect(next.nodes.map((n) => n.id)).toEqual(['start', 'pay', 'refund', 'other']);
    expect(childrenOf(next, 'start')).toEqual(['pay', 'other']);
    expect(removeSubtree(body, 'start')).toBe(body);
  });

  it('keeps a node another question still leads to', () => {
    const body = sampleTree();
    const shared = {
      ...body,
      nodes: body.nodes.map((n) => (n.id === 'pay' ? { ...n, children: ['refund', 'pwd'] } : n)),
    };
    expect([...removalSet(shared, 'login')].sort()).toEqual(['blocked', 'login']);
    expect(childrenOf(removeSubtree(shared, 'login'), 'pay')).toEqual(['refund', 'pwd']);
  });

  it('moves a node to another question, as its last choice or at a place', () => {
    const body = sampleTree();
    const last = moveNode(body, 'blocked', 'pay', Number.POSITIVE_INFINITY);
    expect(childrenOf(last, 'login')).toEqual(['pwd']);
    expect(childrenOf(last, 'pay')).toEqual(['refund', 'blocked']);
    const first = moveNode(body, 'blocked', 'pay', 0);
    expect(childrenOf(first, 'pay')).toEqual(['blocked', 'refund']);
    // A whole branch moves with its subtree.
    const branch = moveNode(body, 'pay', 'login', 1);
    expect(childrenOf(branch, 'login')).toEqual(['pwd', 'pay', 'blocked']);
    expect(childrenOf(branch, 'pay')).toEqual(['refund']);
  });

  it('reorders among the same question, counting places without the moved node', () => {
    const body = sampleTree();
    expect(childrenOf(moveNode(body, 'login', 'start', 2), 'start')).toEqual(['pay', 'other', 'login']);
    expect(childrenOf(moveNode(body, 'other', 'start', 0), 'start')).toEqual(['other', 'login', 'pay']);
    expect(moveNode(body, 'pay', 'start', 1)).toBe(body);
    expect(childrenOf(moveBy(body, 'pay', -1), 'start')).toEqual(['pay', 'login', 'other']);
    expect(childrenOf(moveBy(body, 'pay', 1), 'start')).toEqual(['login', 'other', 'pay']);
    expect(moveBy(body, 'login', -1)).toBe(body);
    expect(moveBy(body, 'other', 1)).toBe(body);
  });

  it('never moves the start, a node into its own subtree, or under an answer', () => {
    const body = sampleTree();
    expect(canMove(body, 'start', 'login')).toBe(false);
    expect(canMove(body, 'login', 'login')).toBe(false);
    expect(canMove(body, 'start', 'pay')).toBe(false);
    expect(canMove(body, 'pay', 'refund')).toBe(false);
    expect(moveNode(body, 'login', 'pwd', 0)).toBe(body);
    expect(moveTargets(body, 'login').map((n) => n.id)).toEqual(['start', 'pay']);
    expect(moveTargets(body, 'refund').map((n) => n.id)).toEqual(['start', 'login', 'pay']);
  });

  it('updates properties, removing those set to undefined, and skips no-op edits', () => {
    const body = sampleTree();
    const explained = updateNode(body, 'pay', { text: { ru: 'Счета и оплата' } });
    expect(explained.nodes.find((n) => n.id === 'pay')?.text).toEqual({ ru: 'Счета и оплата' });
    const cleared = updateNode(explained, 'pay', { text: undefined });
    expect(cleared.nodes.find((n) => n.id === 'pay')).not.toHaveProperty('text');
    expect(updateNode(body, 'pay', { title: { ru: 'PAY' } })).toBe(body);
    expect(updateNode(body, 'missing', { title: { ru: 'x' } })).toBe(body);
  });
});
