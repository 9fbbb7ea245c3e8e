import { chatIcon, el, icon, paperclipIcon } from './dom.js';
import type { Texts } from './i18n.js';
import { acceptedFiles } from './limits.js';
import { styles } from './styles.js';

const emoji = [
  '😀',
  '😂',
  '😊',
  '😍',
  '🤔',
  '😢',
  '😡',
  '👍',
  '👎',
  '🙏',
  '👌',
  '👋',
  '🎉',
  '❤️',
  '🔥',
  '✅',
  '❌',
  '⚠️',
  '📎',
  '📷',
  '💳',
  '📦',
  '🚚',
  '⏰',
];

/** The widget's elements inside its Shadow DOM host; the controller fills and wires them. */
export interface Shell {
  host: HTMLElement;
  launcher: HTMLButtonElement;
  badge: HTMLElement;
  panel: HTMLElement;
  title: HTMLElement;
  close: HTMLButtonElement;
  status: HTMLElement;
  log: HTMLElement;
  typing: HTMLElement;
  form: HTMLFormElement;
  input: HTMLTextAreaElement;
  attach: HTMLButtonElement;
  file: HTMLInputElement;
  emojiToggle: HTMLButtonElement;
  emoji: HTMLElement;
  drop: HTMLElement;
}

/**
 * Builds the launcher and the panel in a Shadow DOM attached to a host element at the end of the page: the host
 * page's CSS cannot reach inside and the widget's CSS cannot leak out. `page`: the whole window is the chat.
 */
export function buildShell(t: Texts, page: boolean): Shell {
  // A tag of its own: the host page's rules for `div` (borders, margins) do not match it.
  const host = document.createElement('opora-chat');
  host.setAttribute('data-opora-widget', '');
  const root = host.attachShadow({ mode: 'open' });
  const badge = el('span', { class: 'badge', hidden: '' });
  const launcher = el('button', {
    class: 'launcher',
    type: 'button',
    'aria-label': t.open,
    'aria-expanded': 'false',
  });
  launcher.append(icon(chatIcon), badge);
  const title = el('h2', { id: 'opora-title' }, t.title);
  const close = el('button', { type: 'button', 'aria-label': t.close }, '×');
  const status = el('div', { class: 'status', role: 'status', hidden: '' });
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', tabindex: '0' });
  const typing = el('div', { class: 'typing', 'aria-live': 'polite' });
  const input = el('textarea', {
    rows: '1',
    placeholder: t.placeholder,
    'aria-label': t.placeholder,
    maxlength: '20000',
  });
  const file = el('input', { type: 'file', accept: acceptedFiles, hidden: '', multiple: '' });
  const attach = el(
    'button',
    { type: 'button', 'aria-label': t.attach, title: t.attach },
    icon(paperclipIcon),
  );
  const emojiToggle = el(
    'button',
    { type: 'button', 'aria-label': t.emoji, title: t.emoji, 'aria-expanded': 'false' },
    '😊',
  );
  const send = el('button', { type: 'submit', class: 'send', 'aria-label': t.send, title: t.send }, '➤');
  const form = el('form', {}, attach, emojiToggle, input, send, file);
  const emojiPanel = el('div', { class: 'emoji', hidden: '' });
  for (const symbol of emoji)
    emojiPanel.append(el('button', { type: 'button', 'data-emoji': symbol }, symbol));
  const drop = el('div', { class: 'drop', hidden: '' }, t.dropHere);
  const panel = el(
    'section',
    { class: 'panel', role: 'dialog', 'aria-labelledby': 'opora-title', hidden: '' },
    el('header', {}, title, close),
    status,
    log,
    typing,
    emojiPanel,
    form,
    drop,
  );
  const wrapper = el('div', { class: page ? 'page' : '' }, page ? null : launcher, panel);
  root.append(wrapper);
  adoptStyles(root);
  return {
    host,
    launcher,
    badge,
    panel,
    title,
    close,
    status,
    log,
    typing,
    form,
    input,
    attach,
    file,
    emojiToggle,
    emoji: emojiPanel,
    drop,
  };
}

/**
 * The widget's CSS as a constructed stylesheet: a host site whose CSP refuses inline styles still shows the widget
 * (CSP governs <style> elements, not sheets built by script). Browsers without them get a <style> element.
 */
function adoptStyles(root: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(styles);
    root.adoptedStyleSheets = [sheet];
  } catch {
    root.prepend(el('style', {}, styles));
  }
}
