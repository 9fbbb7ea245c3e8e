import { describe, expect, it } from 'vitest';
import { listKey } from './keyboard';

const press = (
  key: string,
  target: Parameters<typeof listKey>[0]['target'] = { tagName: 'BODY' },
  mods = {},
) => listKey({ key, altKey: false, ctrlKey: false, metaKey: false, target, ...mods });

describe('inbox keyboard', () => {
  it('j/k and arrows move, Enter opens', () => {
    expect(press('j')).toBe('next');
    expect(press('ArrowDown')).toBe('next');
    expect(press('k')).toBe('previous');
    expect(press('ArrowUp')).toBe('previous');
    expect(press('Enter')).toBe('open');
    expect(press('x')).toBeNull();
  });

  it('leaves typing, shortcuts and Enter on buttons alone', () => {
    expect(press('j', { tagName: 'TEXTAREA' })).toBeNull();
    expect(press('k', { tagName: 'INPUT' })).toBeNull();
    expect(press('j', { tagName: 'DIV', isContentEditable: true })).toBeNull();
    expect(press('j', { tagName: 'BODY' }, { ctrlKey: true })).toBeNull();
    const button = { tagName: 'BUTTON', closest: () => ({}) };
    expect(press('Enter', button)).toBeNull();
    expect(press('j', button)).toBe('next');
  });
});
