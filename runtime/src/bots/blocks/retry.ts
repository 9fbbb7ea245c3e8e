import { Type } from '@sinclair/typebox';
import { TemplateText } from '../block-shape.js';
import type { BlockContext, BlockOutcome } from '../block-spec.js';

/** How a question answers what it did not expect: `retries` times the retry text, then the `fallback` exit. */
export const RetryConfig = {
  retries: Type.Integer({ minimum: 0, maximum: 10 }),
  retryText: Type.Optional(TemplateText),
};

const defaultRetry = {
  ru: 'Не удалось распознать ответ. Попробуйте ещё раз.',
  en: 'Sorry, I did not understand the answer. Please try again.',
};

/** The retry text and a new wait, or the fallback exit once the retries are spent. */
export function retryOrFallback(
  ctx: BlockContext<{ retries: number; retryText?: { ru: string; en?: string } }>,
  extra: { buttons?: { label: string; value: string }[] } = {},
): BlockOutcome {
  const attempt = ctx.waiting?.attempt ?? 0;
  if (attempt >= ctx.block.retries) return { go: 'fallback' };
  ctx.emit({ type: 'send', text: ctx.text(ctx.block.retryText ?? defaultRetry), ...extra });
  return { wait: { kind: 'client', attempt: attempt + 1 } };
}
