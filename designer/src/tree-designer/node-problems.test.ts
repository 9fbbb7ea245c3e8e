import { validateDefinitionBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { sampleTree } from '../../test-fixtures/sample-tree';
import { nodeAt, nodeProblems, problemsByNode } from './node-problems';
import { newNode } from './tree-actions';
import { addChild, updateNode } from './tree-ops';

describe('problems by node', () => {
  it('ties local and server problems to the node their pointer leads into', () => {
    const body = addChild(sampleTree(), 'pay', newNode('n8'));
    expect(nodeAt(body, '/nodes/7')).toBe('n8');
    expect(nodeAt(body, '/body/nodes/2/leaf/text')).toBe('pwd');
    expect(nodeAt(body, '/root')).toBe('start');
    expect(nodeAt(body, '/title')).toBeNull();
    const local = validateDefinitionBody('tree', body, 'ru');
    const problems = nodeProblems(body, local, [
      { pointer: '/nodes/7', message: local[0]?.message ?? '' },
      { pointer: '/nodes/5/leaf/article', message: 'Статья «gone» не опубликована' },
    ]);
    // The server's repeat of a live problem is listed once, as the server's.
    expect(problems.map((p) => [p.source, p.node])).toEqual([
      ['server', 'n8'],
      ['server', 'refund'],
    ]);
    expect(problemsByNode(problems).get('n8')?.[0]?.message).toContain('никуда не ведёт');
  });

  it('marks schema problems the designer can say more plainly', () => {
    const body = updateNode(sampleTree(), 'pwd', { leaf: { type: 'article', article: '' } });
    const problems = nodeProblems(body, validateDefinitionBody('tree', body, 'ru'), []);
    expect(problems).toMatchObject([{ node: 'pwd', hint: 'article' }]);
  });
});

describe('server problems after edits', () => {
  it('follow their node when others move and drop once the node changes', () => {
    const judged = sampleTree();
    const server = [{ pointer: '/body/nodes/5', message: 'refund refused' }];
    const moved = {
      ...judged,
      nodes: [judged.nodes[5], ...judged.nodes.filter((_, i) => i !== 5)],
    } as typeof judged;
    expect(nodeProblems(moved, [], server, judged)).toMatchObject([{ node: 'refund', pointer: '/nodes/0' }]);
    const edited = updateNode(moved, 'refund', { text: { ru: 'Деньги вернутся за 5 дней' } });
    expect(nodeProblems(edited, [], server, judged)).toEqual([]);
  });
});
