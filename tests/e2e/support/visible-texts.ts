import type { Frame, Page } from 'playwright-core';

/** One piece of text a user sees or hears on a screen, and the element it came from. */
export interface ScreenText {
  text: string;
  /** A short CSS-like name of the element, e.g. `button.react-flow__controls-zoomin[aria-label]`. */
  element: string;
}

/**
 * Code shown as code is not UI language: its elements are skipped whole. Monaco's lines and line numbers are the
 * author's source; its widgets (hovers, suggestions, the screen-reader text) are UI and stay in.
 */
export const codeSelector = [
  'script',
  'style',
  'noscript',
  'template',
  'code',
  'pre',
  'kbd',
  'samp',
  '[translate="no"]',
  '.json-editor',
  '.monaco-editor .view-lines',
  '.monaco-editor .margin',
  '.monaco-editor .minimap',
].join(', ');

/**
 * What every frame of the page shows or says: each element's own visible text; the text of live regions,
 * `<option>`s and the elements that `aria-describedby`/`aria-labelledby` point at even when hidden (screen readers
 * read them); `aria-label`, `title`, `placeholder`, `alt`, `aria-description`, `aria-roledescription` and
 * `aria-valuetext` of visible elements; the values of visible text fields; and the document's title. Left out:
 * code (`codeSelector`), text marked as another language (`lang="en"`, or a bilingual field's English half), and
 * the values and placeholders of fields holding code, keys or addresses (`spellcheck="false"`, key/slug/URL/host/
 * path/colour fields by their test id or name, `type=url|email|password`).
 */
export async function screenTexts(page: Page): Promise<ScreenText[]> {
  const all: ScreenText[] = [];
  for (const frame of page.frames()) all.push(...(await frameTexts(frame).catch(() => [])));
  return all;
}

function frameTexts(frame: Frame): Promise<ScreenText[]> {
  return frame.evaluate((skip) => {
    const out: { text: string; element: string }[] = [];
    const name = (el: Element, extra = ''): string => {
      const testId = el.getAttribute('data-testid');
      const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/)[0] : '';
      return `${el.tagName.toLowerCase()}${testId ? `[data-testid=${testId}]` : cls ? `.${cls}` : ''}${extra}`;
    };
    const referenced = new Set<Element>();
    for (const el of Array.from(document.querySelectorAll('[aria-describedby], [aria-labelledby]')))
      for (const attr of ['aria-describedby', 'aria-labelledby'])
        for (const id of (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean)) {
          const target = document.getElementById(id);
          if (target) referenced.add(target);
        }
    const heard = (el: Element): boolean =>
      !!el.closest('[aria-live], [role=status], [role=alert], [role=log], option, optgroup') ||
      [...referenced].some((target) => target.contains(el));
    const seen = (el: Element): boolean =>
      el.checkVisibility({ visibilityProperty: true, opacityProperty: false });

    // Text declared to be in another language (the English twin of a bilingual field) is that language's.
    const foreign = (el: Element): boolean => {
      const lang = el.closest('[lang]')?.getAttribute('lang') ?? 'ru';
      return lang !== '' && !lang.toLowerCase().startsWith('ru');
    };
    // The designers' bilingual fields name their English half «… (по-английски)»: its value is English text.
    const englishTwin = (el: Element): boolean =>
      /\(по-английски\)$/.test(el.getAttribute('aria-label') ?? '');
    const skipped = (el: Element): boolean => !!el.closest(skip) || foreign(el);

    // An element's own text nodes make one text (React renders «Статус (», «status», «)» as three nodes).
    const own = new Map<Element, string>();
    const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && parent.tagName !== 'TEXTAREA')
        own.set(parent, (own.get(parent) ?? '') + node.textContent);
    }
    for (const [el, raw] of own) {
      const text = raw.replace(/\s+/g, ' ').trim();
      if (text && !skipped(el) && (seen(el) || heard(el))) out.push({ text, element: name(el) });
    }
    const codeLike = /key|slug|json|code|url|host|path|email|login|secret|token|color/i;
    const fieldIds = (el: Element): string =>
      `${el.getAttribute('data-testid') ?? ''} ${el.getAttribute('name') ?? ''} ${el.id}`;
    const attributes = [
      'aria-label',
      'title',
      'placeholder',
      'alt',
      'aria-description',
      'aria-roledescription',
      'aria-valuetext',
    ];
    for (const el of Array.from(document.querySelectorAll(attributes.map((a) => `[${a}]`).join(', ')))) {
      if (skipped(el) || !(seen(el) || heard(el))) continue;
      const code = el.matches('input, textarea') && codeLike.test(fieldIds(el));
      for (const attr of attributes) {
        // An example in a key or address field («kak-smenit-parol», «https://…») is code too.
        if (attr === 'placeholder' && code) continue;
        const value = el.getAttribute(attr)?.trim();
        if (value) out.push({ text: value, element: name(el, `[${attr}]`) });
      }
    }
    for (const el of Array.from(document.querySelectorAll('optgroup[label]')))
      if (!skipped(el)) out.push({ text: el.getAttribute('label') ?? '', element: name(el, '[label]') });
    const fields = document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
    for (const el of Array.from(fields)) {
      const type = el instanceof HTMLInputElement ? el.type : 'textarea';
      if (
        ['hidden', 'checkbox', 'radio', 'file', 'url', 'email', 'password', 'color', 'range'].includes(type)
      )
        continue;
      const ids = fieldIds(el);
      if (skipped(el) || el.spellcheck === false || codeLike.test(ids) || englishTwin(el) || !seen(el))
        continue;
      if (el.value.trim()) out.push({ text: el.value.trim(), element: name(el, '[value]') });
    }
    if (document.title.trim()) out.push({ text: document.title.trim(), element: 'title' });
    return out;
  }, codeSelector);
}

/**
 * Words with two or more Latin letters. A word runs over letters, digits, inner hyphens and apostrophes («Wi-Fi»,
 * «e-mail», «RE2»); where Latin meets Cyrillic across a hyphen the parts count apart («Bearer-токен» → «Bearer»).
 * Colour codes (#2563eb) are notation, and e-mail addresses (a user's own, shown back to them) data, not words.
 */
export function latinWords(text: string): string[] {
  const latin = (w: string) => (w.match(/\p{Script=Latin}/gu)?.length ?? 0) >= 2;
  // Notation, not words: colours, e-mail addresses, `{{variable}}` placeholders in texts, file extensions (.bpmn).
  const notation = text
    .replace(/#[0-9a-f]{3,8}\b/gi, ' ')
    .replace(/[^\s@«»]+@[^\s@«»]+\.[^\s@«»]+/g, ' ')
    .replace(/\{\{[^{}]{1,100}\}\}/g, ' ')
    .replace(/(^|\s)\.[a-z0-9]{2,5}\b/gi, ' ');
  return (notation.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [])
    .flatMap((word) => (/\p{Script=Cyrillic}/u.test(word) ? word.split('-') : [word]))
    .filter(latin);
}
