import { describe, expect, it } from 'vitest';
import { sampleTree } from '../../test-fixtures/sample-tree';
import { dropIntent } from './drop-target';
import { cardLayout, layoutTree, type Placement } from './tree-layout';

const { width, height, gapX } = cardLayout;

describe('drop intent', () => {
  const body = sampleTree();
  const layout = layoutTree(body);
  const at = (id: string) => layout.get(id) as Placement;
  const centre = (id: string) => ({ x: at(id).x + width / 2, y: at(id).y + height / 2 });

  it('onto a question: becomes its last choice', () => {
    expect(dropIntent(body, layout, 'blocked', centre('pay'))).toEqual({
      kind: 'into',
      target: 'pay',
      parent: 'pay',
      index: 1,
    });
  });

  it('beside a choice: before or after it under the same question', () => {
    const leftOfPay = { x: at('pay').x - gapX / 2, y: centre('pay').y };
    expect(dropIntent(body, layout, 'other', leftOfPay)).toMatchObject({ parent: 'start', index: 1 });
    const rightOfRefund = { x: at('refund').x + width + gapX / 2, y: centre('refund').y };
    expect(dropIntent(body, layout, 'pwd', rightOfRefund)).toEqual({
      kind: 'after',
      target: 'refund',
      parent: 'pay',
      index: 1,
    });
  });

  it('onto an answer is refused; into its own subtree or empty space does nothing', () => {
    expect(dropIntent(body, layout, 'pay', centre('pwd'))).toEqual({ kind: 'refused', target: 'pwd' });
    expect(dropIntent(body, layout, 'login', centre('blocked'))).toBeNull();
    expect(dropIntent(body, layout, 'pwd', { x: -5000, y: -5000 })).toBeNull();
    expect(dropIntent(body, layout, 'start', centre('pay'))).toBeNull();
  });
});
