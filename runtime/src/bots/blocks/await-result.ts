import type { Value } from '../../forms/expressions/index.js';
import type { BlockContext, BlockOutcome, ResumeEvent } from '../block-spec.js';
import { renderTemplate } from '../variables.js';

/** Values of a block's input map with their `{{variables}}` filled in. */
export function renderValues(
  map: Readonly<Record<string, string>>,
  variables: Readonly<Record<string, Value>>,
): Record<string, Value> {
  // fromEntries defines own properties, so a name like `__proto__` stays a plain key.
  return Object.fromEntries(
    Object.entries(map).map(([name, template]) => [name, renderTemplate(template, variables)]),
  );
}

/** Waits for the result of the effect this block just emitted. */
export const awaitResult = (ctx: BlockContext<unknown>): BlockOutcome => ({
  wait: { kind: 'result', attempt: 0, requestId: ctx.requestId },
});

/**
 * A result resumes the block that asked: success stores the value in `output` (when set) and takes `next`;
 * a failure stores the error text in `output` too (`error` exit) so the bot can tell the client what happened.
 */
export function resumeWithResult(ctx: BlockContext<{ output?: string }>, event: ResumeEvent): BlockOutcome {
  if (event.type !== 'result' || event.requestId !== ctx.waiting?.requestId)
    return { refuse: 'the block waits for the result of its request' };
  if (ctx.block.output !== undefined) ctx.set(ctx.block.output, event.ok ? event.value : event.error);
  return { go: event.ok ? 'next' : 'error' };
}

export const valueMapReads = (pointer: string, map: Readonly<Record<string, string>>) =>
  Object.entries(map).map(([name, template]) => ({
    pointer: `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
    template,
  }));
