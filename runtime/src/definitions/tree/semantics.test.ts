import { describe, expect, it } from 'vitest';
import { migrateDefinitionBody } from '../migrations.js';
import { validateDefinitionBody } from '../validate-body.js';
import type { TreeBody } from './schema.js';
import { deepTreeNodes, treeDepths } from './semantics.js';

const t = (ru: string) => ({ ru });
const tree = (nodes: TreeBody['nodes'], root = 'start'): TreeBody => ({
  schemaVersion: 2,
  title: t('Помощник'),
  root,
  nodes,
});
const codes = (body: unknown) => validateDefinitionBody('tree', body).map((p) => `${p.pointer} ${p.code}`);

describe('question tree checks', () => {
  const valid = tree([
    { id: 'start', title: t('С чем помочь?'), children: ['account', 'write'] },
    { id: 'account', title: t('Личный кабинет'), children: ['password'] },
    { id: 'password', title: t('Сменить пароль'), leaf: { type: 'article', article: 'kak-smenit-parol' } },
    { id: 'write', title: t('Написать нам'), leaf: { type: 'contact', channel: 'form', form: 'feedback' } },
  ]);

  it('accepts a well-formed tree', () => {
    expect(codes(valid)).toEqual([]);
  });

  it('names the node of a cycle, a dangling leaf, a missing child and an unreachable node', () => {
    const broken = tree([
      { id: 'start', title: t('С чем помочь?'), children: ['account', 'ghost'] },
      { id: 'account', title: t('Личный кабинет'), children: ['loop'] },
      { id: 'loop', title: t('Снова'), children: ['account'] },
      { id: 'empty', title: t('Пустой') },
    ]);
    const problems = validateDefinitionBody('tree', broken);
    expect(problems.map((p) => `${p.pointer} ${p.code}`)).toEqual([
      '/nodes/0/children/1 reference',
      '/nodes/3 dangling',
      '/nodes/2/children/0 cycle',
      '/nodes/3 unreachable',
    ]);
    expect(problems.find((p) => p.code === 'cycle')?.message).toContain('«Снова» (loop)');
    expect(problems.find((p) => p.code === 'dangling')?.message).toContain('«Пустой» (empty)');
  });

  it('refuses a node that is both a question and an answer, and a form contact without a form', () => {
    const body = tree([
      { id: 'start', title: t('?'), children: ['a'], leaf: { type: 'answer', text: t('x') } },
      { id: 'a', title: t('Форма'), leaf: { type: 'contact', channel: 'form' } },
    ]);
    expect(codes(body)).toEqual(['/nodes/0 leaf_and_children', '/nodes/1/leaf/form required']);
  });

  it('measures depth and warns past three levels', () => {
    const deep = tree([
      { id: 'start', title: t('0'), children: ['a'] },
      { id: 'a', title: t('1'), children: ['b'] },
      { id: 'b', title: t('2'), children: ['c'] },
      { id: 'c', title: t('3'), children: ['d'] },
      { id: 'd', title: t('4'), leaf: { type: 'answer', text: t('ответ') } },
    ]);
    expect(treeDepths(deep).get('d')).toBe(4);
    expect(deepTreeNodes(deep)).toEqual(['d']);
    expect(codes(deep)).toEqual([]);
  });

  it('lifts a version 1 (nested) tree to the flat version 2', () => {
    const nested = {
      schemaVersion: 1,
      title: t('Помощник'),
      root: {
        id: 'r',
        title: t('С чем помочь?'),
        children: [{ id: 'p', title: t('Пароль'), leaf: { type: 'article', article: 'kak-smenit-parol' } }],
      },
    };
    const lifted = migrateDefinitionBody('tree', nested) as TreeBody;
    expect(lifted).toEqual({
      schemaVersion: 2,
      title: t('Помощник'),
      root: 'r',
      nodes: [
        { id: 'r', title: t('С чем помочь?'), children: ['p'] },
        { id: 'p', title: t('Пароль'), leaf: { type: 'article', article: 'kak-smenit-parol' } },
      ],
    });
    expect(codes(lifted)).toEqual([]);
  });
});
