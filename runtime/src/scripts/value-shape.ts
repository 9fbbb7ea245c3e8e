/** Why a value may not cross the sandbox boundary: nested too deeply, or text holding the NUL character. */
export type ValueShapeProblem = { kind: 'depth'; limit: number } | { kind: 'nul' };

/**
 * Checks a JSON-like value without recursion, so a value nested 100,000 levels deep is measured, not a stack
 * overflow: the nesting depth of objects and arrays (the root object or array is level 1), and, when asked,
 * NUL characters in strings and keys (PostgreSQL text and jsonb cannot hold them). Linear in the value's size.
 */
export function valueShapeProblem(
  value: unknown,
  maxDepth: number,
  options: { refuseNul?: boolean } = {},
): ValueShapeProblem | undefined {
  const stack: [unknown, number][] = [[value, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [current, depth] = item;
    if (typeof current === 'string') {
      if (options.refuseNul && current.includes('\u0000')) return { kind: 'nul' };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > maxDepth) return { kind: 'depth', limit: maxDepth };
    if (Array.isArray(current)) {
      for (const element of current) stack.push([element, depth + 1]);
      continue;
    }
    for (const [key, element] of Object.entries(current)) {
      if (options.refuseNul && key.includes('\u0000')) return { kind: 'nul' };
      stack.push([element, depth + 1]);
    }
  }
  return undefined;
}
