import type { TreeBody } from '@opora/runtime/definitions';
import { indexNodes } from '@opora/runtime/trees';
import { describe, expect, it } from 'vitest';
import { walkTopic } from './walk-topic';

const tree = {
  schemaVersion: 2,
  title: { ru: 'Помощник' },
  root: 'start',
  nodes: [
    { id: 'start', title: { ru: 'С чем помочь?' }, children: ['account'] },
    { id: 'account', title: { ru: 'Личный кабинет', en: 'Account' }, children: ['auth', 'write'] },
    { id: 'auth', title: { ru: 'Проблемы со входом' }, leaf: { type: 'answer', text: { ru: 'Подождите' } } },
    {
      id: 'write',
      title: { ru: 'Написать нам' },
      leaf: { type: 'contact', channel: 'form', form: 'feedback' },
    },
  ],
} as TreeBody;
const nodes = indexNodes(tree);

describe('walkTopic', () => {
  it('names the steps the visitor took, in their language', () => {
    expect(walkTopic(nodes, ['account', 'auth'], 'ru', true)).toBe('Личный кабинет → Проблемы со входом');
    expect(walkTopic(nodes, ['account', 'auth'], 'en', true)).toBe('Account → Проблемы со входом');
  });

  it('leaves out the contact step itself, and says nothing at the first step', () => {
    expect(walkTopic(nodes, ['account', 'write'], 'ru', false)).toBe('Личный кабинет');
    expect(walkTopic(nodes, ['write'], 'ru', false)).toBe('');
    expect(walkTopic(nodes, ['gone', 'account'], 'ru', true)).toBe('Личный кабинет');
  });
});
