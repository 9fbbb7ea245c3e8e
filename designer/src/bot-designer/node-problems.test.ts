import { validateDefinitionBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { sampleBot } from '../../test-fixtures/sample-bot';
import { connect, triggerNodeId } from './bot-ops';
import { nodeOfPointer, problemsByNode } from './node-problems';

describe('problems on the canvas', () => {
  it('ties pointers to the block or trigger they fall in, and the rest to the bot', () => {
    const body = sampleBot();
    expect(nodeOfPointer(body, '/blocks/2/text/ru')).toBe('ask');
    expect(nodeOfPointer(body, '/blocks/1')).toBe('menu');
    expect(nodeOfPointer(body, '/triggers/0/next')).toBe(triggerNodeId('start'));
    expect(nodeOfPointer(body, '/blocks/9')).toBeNull();
    expect(nodeOfPointer(body, '/timeZone')).toBeNull();
  });

  it('marks the block whose exit was left open', () => {
    const body = connect(sampleBot(), 'menu', 'fallback', null);
    const problems = validateDefinitionBody('bot', body, 'ru').map((p) => ({
      ...p,
      node: nodeOfPointer(body, p.pointer),
      source: 'local' as const,
    }));
    const byNode = problemsByNode(problems);
    expect([...byNode.keys()]).toEqual(['menu']);
    expect(byNode.get('menu')?.[0]?.message).toContain('(menu)');
  });
});
