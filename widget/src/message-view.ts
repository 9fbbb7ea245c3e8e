import type { MessageView } from '@opora/sdk';
import { el } from './dom.js';
import type { Texts } from './i18n.js';
import { isRatingQuestion } from './rating.js';

/** A message as the widget shows it: a stored one, or one of the visitor's still on its way. */
export type Shown =
  | { kind: 'stored'; message: MessageView }
  | { kind: 'pending'; clientMessageId: string; text: string; file?: File; failed?: boolean };

export interface MessageActions {
  /** A picture's content (fetched with the visitor's token: an <img src> could not send it). */
  imageUrl: (fileId: string) => Promise<string>;
  download: (fileId: string, name: string) => void;
  press: (message: MessageView, value: string) => void;
  retry: (clientMessageId: string) => void;
}

const isImage = (type: string) => /^image\/(png|jpeg|gif|webp)$/.test(type);
const time = (iso: string, lang: string) =>
  new Date(iso).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });

/** The element of one message; text is set as text, so HTML a visitor or operator wrote shows as typed. */
export function renderMessage(
  shown: Shown,
  t: Texts,
  actions: MessageActions,
  latest: boolean,
  lang: string,
  /** The label of the button the visitor chose last (the rating question shows it as chosen). */
  chosen?: string | null,
): HTMLElement {
  if (shown.kind === 'pending') return renderPending(shown, t, actions);
  const { message } = shown;
  const mine = message.direction === 'in';
  const node = el('div', { class: `msg ${mine ? 'in' : 'out'}`, 'data-seq': String(message.seq) });
  if (message.text) node.append(message.text);
  for (const file of message.attachments) {
    if (isImage(file.contentType)) {
      const image = el('img', { alt: file.name });
      actions.imageUrl(file.fileId).then(
        (url) => image.setAttribute('src', url),
        () => image.remove(),
      );
      image.addEventListener('click', () => actions.download(file.fileId, file.name));
      node.append(image);
    } else {
      const link = el('a', { href: '#' }, `📄 ${file.name}`);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        actions.download(file.fileId, file.name);
      });
      node.append(el('div', {}, link));
    }
  }
  for (const part of message.parts) {
    const buttons = part.type === 'buttons' ? part.buttons : part.options;
    const row = el('div', { class: isRatingQuestion(message) ? 'choices rating' : 'choices' });
    for (const button of buttons) {
      const choice = el('button', { type: 'button' }, button.label);
      if (chosen === button.label) choice.setAttribute('aria-pressed', 'true');
      // Only the latest message's buttons are live: pressing an old question's answer would confuse everyone.
      if (!latest) choice.disabled = true;
      choice.addEventListener('click', () => actions.press(message, button.value));
      row.append(choice);
    }
    node.append(row);
  }
  const state = mine ? t.sent : '';
  node.append(
    el('span', { class: 'meta' }, [time(message.createdAt, lang), state].filter(Boolean).join(' · ')),
  );
  return node;
}

function renderPending(
  shown: Extract<Shown, { kind: 'pending' }>,
  t: Texts,
  actions: MessageActions,
): HTMLElement {
  const node = el('div', { class: `msg in ${shown.failed ? 'failed' : 'pending'}` });
  if (shown.text) node.append(shown.text);
  if (shown.file) {
    if (isImage(shown.file.type))
      node.append(el('img', { alt: shown.file.name, src: URL.createObjectURL(shown.file) }));
    else node.append(el('div', {}, `📄 ${shown.file.name}`));
  }
  node.append(el('span', { class: 'meta' }, shown.failed ? t.failed : `🕓 ${t.sending}`));
  if (shown.failed) node.addEventListener('click', () => actions.retry(shown.clientMessageId));
  return node;
}
