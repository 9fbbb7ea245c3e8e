/**
 * The window's keyboard shortcuts. Alt-combinations work everywhere, also while typing an answer (they type
 * nothing and the browser leaves them free); plain keys (`?`) only outside text fields, so typing is never
 * hijacked. Keys are matched by their physical place (`code`), so a Russian layout works the same.
 */
export type ShortcutAction = 'next' | 'previous' | 'close' | 'transfer' | 'templates' | 'focus' | 'help';

export interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** What the help shows, in its order: each action with its keys. */
export const shortcutList: { action: ShortcutAction; keys: string[][] }[] = [
  {
    action: 'next',
    keys: [
      ['Alt', '↓'],
      ['Ctrl', 'Alt', '→'],
    ],
  },
  {
    action: 'previous',
    keys: [
      ['Alt', '↑'],
      ['Ctrl', 'Alt', '←'],
    ],
  },
  { action: 'close', keys: [['Alt', 'C']] },
  { action: 'transfer', keys: [['Alt', 'T']] },
  { action: 'templates', keys: [['Alt', '/']] },
  { action: 'focus', keys: [['Alt', 'R']] },
  { action: 'help', keys: [['?']] },
];

const altCodes: Record<string, ShortcutAction> = {
  ArrowDown: 'next',
  ArrowUp: 'previous',
  KeyC: 'close',
  KeyT: 'transfer',
  Slash: 'templates',
  KeyR: 'focus',
};

/** The action a key press asks for, or null. `typing`: the focus is in a text field. */
export function shortcutFor(event: KeyLike, typing: boolean): ShortcutAction | null {
  if (event.metaKey) return null;
  if (event.altKey && event.ctrlKey && !event.shiftKey) {
    if (event.code === 'ArrowRight') return 'next';
    if (event.code === 'ArrowLeft') return 'previous';
    return null;
  }
  if (event.altKey && !event.ctrlKey && !event.shiftKey) return altCodes[event.code] ?? null;
  if (!typing && !event.altKey && !event.ctrlKey && event.key === '?') return 'help';
  return null;
}

/** Whether the focus is somewhere keys type text. */
export function isTyping(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return (
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    (tag === 'INPUT' && !['checkbox', 'radio', 'button'].includes((target as HTMLInputElement).type))
  );
}
