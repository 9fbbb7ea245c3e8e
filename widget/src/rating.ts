import type { MessageView } from '@opora/sdk';
import { el } from './dom.js';
import type { Texts } from './i18n.js';

/** The rating question's buttons send `csat:1`…`csat:5` (see the server's `csat-texts.ts`). */
export const isRatingQuestion = (message: MessageView) =>
  message.parts.length > 0 &&
  message.parts.every(
    (part) => part.type === 'buttons' && part.buttons.every((button) => button.value.startsWith('csat:')),
  );

/**
 * The rating question stays pressable (to change the score) while nothing but the visitor's presses and the
 * thanks came after it; the score given last is the one shown as chosen.
 */
export function ratingState(
  stored: readonly MessageView[],
): { questionId: string; chosen: string | null } | null {
  let index = stored.length - 1;
  while (index >= 0 && !isRatingQuestion(stored[index]!)) index--;
  if (index < 0) return null;
  const after = stored.slice(index + 1);
  if (!after.every((m) => m.direction === 'in' || m.authorKind === 'system')) return null;
  const chosen = after.filter((m) => m.direction === 'in').at(-1)?.text ?? null;
  return { questionId: stored[index]!.id, chosen };
}

/** The comment box shown under a rating the visitor just gave; after sending, a thanks in its place. */
export function renderRatingComment(
  t: Texts,
  state: 'open' | 'sent',
  send: (comment: string) => void,
): HTMLElement {
  if (state === 'sent') return el('p', { class: 'rating-note' }, t.ratingCommentThanks);
  const box = el('textarea', { rows: '2', maxlength: '2000', placeholder: t.ratingComment });
  box.setAttribute('aria-label', t.ratingComment);
  const button = el('button', { type: 'submit' }, t.ratingCommentSend);
  const form = el('form', { class: 'rating-comment' }, box, button);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const comment = (box as HTMLTextAreaElement).value.trim();
    if (comment) send(comment);
  });
  return form;
}
