import type { NodeIndex } from '@opora/runtime/trees';
import { localText } from '../lib/local-text';

/**
 * The way the visitor came, as a request's topic: «Личный кабинет → Проблемы с авторизацией». A contact leaf only
 * says how to write, so its own title is left out (`withLast: false`); an answer that did not help is part of it.
 */
export function walkTopic(
  nodes: NodeIndex,
  path: readonly string[],
  locale: string,
  withLast: boolean,
): string {
  const steps = withLast ? path : path.slice(0, -1);
  return steps
    .map((id) => nodes.get(id))
    .flatMap((node) => (node ? [localText(node.title, locale).trim()] : []))
    .filter(Boolean)
    .join(' → ');
}
