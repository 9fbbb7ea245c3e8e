import type { Locale } from '../../../definitions/kinds.js';
import type { BlockContext, BlockOutcome, BlockSpec } from '../../block-spec.js';
import { renderTemplate } from '../../variables.js';
import { chosenOption } from '../choice-options.js';
import { articleList, foundArticles } from './found-articles.js';
import { type KbSearchBlock, kbSearchShape } from './schema.js';

const verdicts = [
  { id: 'helped', label: { ru: 'Помогло', en: 'It helped' } },
  { id: 'notHelped', label: { ru: 'Не помогло', en: 'It did not help' } },
];
const verdictButtons = (locale: Locale) =>
  verdicts.map((v) => ({ label: locale === 'en' ? v.label.en : v.label.ru, value: v.id }));
const defaultIntro = { ru: 'Вот что нашлось в базе знаний:', en: 'Here is what the knowledge base has:' };
const defaultAskAgain = {
  ru: 'Опишите, пожалуйста, вопрос другими словами.',
  en: 'Please describe your question in other words.',
};

type Ctx = BlockContext<KbSearchBlock>;

function search(ctx: Ctx, query: string, round: number): BlockOutcome {
  ctx.emit({ type: 'searchKnowledgeBase', requestId: ctx.requestId, query, limit: ctx.block.limit });
  return { wait: { kind: 'result', attempt: round, requestId: ctx.requestId, data: 'searching' } };
}

/** Another round if any remain (ask to put it another way), else `notHelped`. */
function notHelped(ctx: Ctx, round: number, newQuery?: string): BlockOutcome {
  if (round + 1 >= ctx.block.rounds) return { go: 'notHelped' };
  if (newQuery) return search(ctx, newQuery, round + 1);
  ctx.emit({ type: 'send', text: ctx.text(ctx.block.askAgainText ?? defaultAskAgain) });
  return { wait: { kind: 'client', attempt: round + 1, data: 'rephrasing' } };
}

export const kbSearchBlock: BlockSpec<KbSearchBlock> = {
  ...kbSearchShape,
  run: (ctx) => search(ctx, renderTemplate(ctx.block.query ?? '{{lastMessage}}', ctx.variables), 0),
  resume(ctx, event) {
    const round = ctx.waiting?.attempt ?? 0;
    const phase = ctx.waiting?.data;
    if (event.type === 'result') {
      if (phase !== 'searching' || event.requestId !== ctx.waiting?.requestId)
        return { refuse: 'the block waits for another answer' };
      if (!event.ok) return { go: ctx.block.exits.error ? 'error' : 'notHelped' };
      const articles = foundArticles(event.value, ctx.block.limit);
      if (!articles.length) return notHelped(ctx, round);
      const intro = ctx.text(ctx.block.text ?? defaultIntro);
      ctx.emit({
        type: 'send',
        text: `${intro}\n${articleList(articles)}`,
        buttons: verdictButtons(ctx.locale),
      });
      return { wait: { kind: 'client', attempt: round, data: 'rating' } };
    }
    if (event.type !== 'message') return { refuse: 'the block waits for the client' };
    if (phase === 'rephrasing') return search(ctx, event.text.slice(0, 1000), round);
    const verdict = chosenOption(verdicts, event);
    if (verdict?.id === 'helped') return { go: 'helped' };
    // Anything but «Помогло» is a no; a typed text is the question put another way.
    return notHelped(ctx, round, verdict ? undefined : event.text.trim().slice(0, 1000) || undefined);
  },
};
