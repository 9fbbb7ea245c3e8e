import { SourceMapConsumer } from 'source-map-js';

/** Maps positions in compiled JS back to the author's TypeScript; consumers are cached per source map text. */
const consumers = new Map<string, SourceMapConsumer>();

export function originalPosition(
  sourceMap: string,
  line: number,
  column: number,
): { line: number; column: number } | null {
  let consumer = consumers.get(sourceMap);
  if (!consumer) {
    if (consumers.size > 200) consumers.clear();
    consumer = new SourceMapConsumer(JSON.parse(sourceMap));
    consumers.set(sourceMap, consumer);
  }
  const found = consumer.originalPositionFor({ line, column: Math.max(0, column - 1) });
  return found.line ? { line: found.line, column: (found.column ?? 0) + 1 } : null;
}

/** Rewrites `script.js:L:C` frames of a guest stack trace to the author's TS positions. */
export function mapStack(
  stack: string,
  sourceMap: string,
  filename: string,
): { stack: string; line?: number; column?: number } {
  let first: { line: number; column: number } | undefined;
  const mapped = stack.replace(
    new RegExp(`${escapeRegExp(filename)}:(\\d+):(\\d+)`, 'g'),
    (whole, l: string, c: string) => {
      const position = originalPosition(sourceMap, Number(l), Number(c));
      if (!position) return whole;
      first ??= position;
      return `${filename.replace(/\.js$/, '.ts')}:${position.line}:${position.column}`;
    },
  );
  return { stack: mapped, ...first };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
