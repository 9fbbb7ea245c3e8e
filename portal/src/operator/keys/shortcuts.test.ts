import { describe, expect, it } from 'vitest';
import { type KeyLike, shortcutFor } from './shortcuts';

const key = (code: string, mods: Partial<KeyLike> = {}, keyName = code): KeyLike => ({
  key: keyName,
  code,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('the window’s shortcuts', () => {
  it('steps between dialogs with Alt+↓/↑ and Ctrl+Alt+→/←', () => {
    expect(shortcutFor(key('ArrowDown', { altKey: true }), true)).toBe('next');
    expect(shortcutFor(key('ArrowUp', { altKey: true }), false)).toBe('previous');
    expect(shortcutFor(key('ArrowRight', { altKey: true, ctrlKey: true }), true)).toBe('next');
    expect(shortcutFor(key('ArrowLeft', { altKey: true, ctrlKey: true }), false)).toBe('previous');
  });

  it('matches letters by their place, so a Russian layout works', () => {
    expect(shortcutFor(key('KeyC', { altKey: true }, 'с'), true)).toBe('close');
    expect(shortcutFor(key('KeyT', { altKey: true }, 'е'), true)).toBe('transfer');
    expect(shortcutFor(key('Slash', { altKey: true }, '.'), true)).toBe('templates');
    expect(shortcutFor(key('KeyR', { altKey: true }, 'к'), true)).toBe('focus');
  });

  it('leaves plain typing, browser combinations and other modifiers alone', () => {
    expect(shortcutFor(key('ArrowDown'), false)).toBeNull();
    expect(shortcutFor(key('KeyC', { ctrlKey: true }), false)).toBeNull();
    expect(shortcutFor(key('KeyC', { altKey: true, shiftKey: true }), false)).toBeNull();
    expect(shortcutFor(key('KeyC', { altKey: true, metaKey: true }), false)).toBeNull();
    expect(shortcutFor(key('KeyF', { altKey: true }), false)).toBeNull();
  });

  it('opens the help with ? only outside text fields', () => {
    expect(shortcutFor(key('Slash', { shiftKey: true }, '?'), false)).toBe('help');
    expect(shortcutFor(key('Slash', { shiftKey: true }, '?'), true)).toBeNull();
  });
});
