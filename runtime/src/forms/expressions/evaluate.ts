import type { BinaryOp, Expr, Value } from './ast.js';
import { type EvaluationClock, functions } from './functions.js';
import { boundedText, compare, equal, finite, text, toValue, truthy } from './values.js';

/** Field values by key (a record's data or a form's current values). */
export type Scope = Readonly<Record<string, unknown>>;

/**
 * Evaluates a parsed expression. Total and deterministic: it never throws, never loops, and gives the same
 * answer in the browser and on the server for the same values and clock. A type mismatch yields null
 * ('a' * 2), so a half-filled form never breaks its own conditions.
 */
export function evaluate(expr: Expr, scope: Scope, clock: EvaluationClock): Value {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'list':
      return expr.items.map((item) => evaluate(item, scope, clock));
    case 'field':
      return readPath(scope, expr.path);
    case 'unary': {
      const operand = evaluate(expr.operand, scope, clock);
      if (expr.op === 'not') return !truthy(operand);
      return typeof operand === 'number' ? -operand : null;
    }
    case 'binary':
      if (expr.op === 'and')
        return truthy(evaluate(expr.left, scope, clock)) && truthy(evaluate(expr.right, scope, clock));
      if (expr.op === 'or')
        return truthy(evaluate(expr.left, scope, clock)) || truthy(evaluate(expr.right, scope, clock));
      return binary(expr.op, evaluate(expr.left, scope, clock), evaluate(expr.right, scope, clock));
    case 'call':
      return call(expr, scope, clock);
  }
}

function readPath(scope: Scope, path: string[]): Value {
  let current: unknown = scope;
  for (const key of path) {
    if (
      current === null ||
      typeof current !== 'object' ||
      Array.isArray(current) ||
      !Object.hasOwn(current, key)
    )
      return null;
    current = (current as Record<string, unknown>)[key];
  }
  return toValue(current);
}

function call(expr: Extract<Expr, { kind: 'call' }>, scope: Scope, clock: EvaluationClock): Value {
  if (expr.name === 'if') {
    const [condition, then, otherwise] = expr.args;
    if (!condition || !then || !otherwise) return null;
    return evaluate(truthy(evaluate(condition, scope, clock)) ? then : otherwise, scope, clock);
  }
  const spec = Object.hasOwn(functions, expr.name) ? functions[expr.name] : undefined;
  if (!spec || expr.args.length < spec.min || expr.args.length > spec.max) return null;
  return spec.call(
    expr.args.map((arg) => evaluate(arg, scope, clock)),
    clock,
  );
}

function binary(op: BinaryOp, left: Value, right: Value): Value {
  switch (op) {
    case '==':
      return equal(left, right);
    case '!=':
      return !equal(left, right);
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const order = compare(left, right);
      if (order === null) return false;
      return op === '<' ? order < 0 : op === '<=' ? order <= 0 : op === '>' ? order > 0 : order >= 0;
    }
    case 'in':
      if (Array.isArray(right)) return right.some((item) => equal(item, left));
      return typeof left === 'string' && typeof right === 'string' && right.includes(left);
    case '+':
      if (typeof left === 'number' && typeof right === 'number') return finite(left + right);
      if (Array.isArray(left) && Array.isArray(right)) return [...left, ...right];
      if (typeof left === 'string' || typeof right === 'string') return boundedText(text(left) + text(right));
      return null;
    default:
      return arithmetic(op, left, right);
  }
}

function arithmetic(op: BinaryOp, left: Value, right: Value): Value {
  if (typeof left !== 'number' || typeof right !== 'number') return null;
  switch (op) {
    case '-':
      return finite(left - right);
    case '*':
      return finite(left * right);
    case '/':
      return right === 0 ? null : finite(left / right);
    case '%':
      return right === 0 ? null : finite(left % right);
    default:
      return null;
  }
}
