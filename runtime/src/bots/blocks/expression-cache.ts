import { type Expr, evaluate, parseExpression, type Value } from '../../forms/expressions/index.js';

const cache = new Map<string, Expr | null>();
const cacheLimit = 2000;

/** A parsed expression, memoized by its source (a published bot's expressions are parsed once, not per turn). */
function parsed(source: string): Expr | null {
  let expr = cache.get(source);
  if (expr !== undefined) return expr;
  try {
    expr = parseExpression(source);
  } catch {
    expr = null; // refused at publish; a broken stored expression evaluates to null
  }
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(source, expr);
  return expr;
}

/** Evaluates an expression over the variables; null when it does not parse. Never throws. */
export function evaluateOver(
  source: string,
  variables: Readonly<Record<string, Value>>,
  now: number,
  timeZone: string,
): Value {
  const expr = parsed(source);
  return expr ? evaluate(expr, variables, { now: new Date(now), timeZone }) : null;
}
