import type { PageBody } from '@opora/runtime/definitions';
import { createContext, useContext } from 'react';

/**
 * The page's first widget carries its main heading (the search banner's «Чем мы можем помочь?» is the h1); when
 * that widget shows no heading of its own, the renderer puts the page title in a hidden h1 instead.
 */
export function needsHiddenTitle(body: PageBody): boolean {
  const first = body.rows[0]?.columns[0]?.widgets[0];
  if (!first) return true;
  if (first.type === 'rich-text') return !/<h1[\s>]/i.test(first.config.html);
  if (first.type === 'contact' || first.type === 'feedback-form' || first.type === 'search')
    return !first.config.title;
  return false;
}

/** Level of a widget's heading: h1 for the page's first widget, h2 for the others. */
export const HeadingLevel = createContext<'h1' | 'h2'>('h2');
export const useHeadingLevel = (): 'h1' | 'h2' => useContext(HeadingLevel);
