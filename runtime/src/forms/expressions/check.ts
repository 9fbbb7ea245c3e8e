import { type Expr, ExpressionError } from './ast.js';
import { functionArity } from './functions.js';
import { parseExpression } from './parse.js';

/**
 * Parses and checks an expression against the fields it may use. Throws the first problem as an
 * {@link ExpressionError}; returns the tree and the fields it reads (for dependency order and cycles).
 */
export function checkExpression(
  source: string,
  knownFields: ReadonlySet<string>,
): { expr: Expr; reads: Set<string> } {
  const expr = parseExpression(source);
  const reads = new Set<string>();
  visit(expr, knownFields, reads);
  return { expr, reads };
}

function visit(expr: Expr, knownFields: ReadonlySet<string>, reads: Set<string>): void {
  switch (expr.kind) {
    case 'literal':
      return;
    case 'list':
      for (const item of expr.items) visit(item, knownFields, reads);
      return;
    case 'field': {
      const key = expr.path[0] as string;
      if (!knownFields.has(key)) throw new ExpressionError('unknown_field', expr.at, [key]);
      reads.add(key);
      return;
    }
    case 'unary':
      visit(expr.operand, knownFields, reads);
      return;
    case 'binary':
      visit(expr.left, knownFields, reads);
      visit(expr.right, knownFields, reads);
      return;
    case 'call': {
      const arity = functionArity(expr.name);
      if (!arity) throw new ExpressionError('unknown_function', expr.at, [expr.name]);
      if (expr.args.length < arity.min || expr.args.length > arity.max)
        throw new ExpressionError('arity', expr.at, [
          expr.name,
          arity.min === arity.max ? String(arity.min) : `${arity.min}–${arity.max}`,
        ]);
      for (const arg of expr.args) visit(arg, knownFields, reads);
    }
  }
}
