/** The expression language's syntax tree. Positions are character offsets into the source, for error messages. */
export type Expr =
  | { kind: 'literal'; value: Value; at: number }
  | { kind: 'list'; items: Expr[]; at: number }
  | { kind: 'field'; path: string[]; at: number }
  | { kind: 'unary'; op: '-' | 'not'; operand: Expr; at: number }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; at: number }
  | { kind: 'call'; name: string; args: Expr[]; at: number };

export type BinaryOp =
  | 'or'
  | 'and'
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'in'
  | '+'
  | '-'
  | '*'
  | '/'
  | '%';

/** What expressions compute with: JSON values (dates are ISO strings, as records store them). */
export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

export type ExpressionErrorCode =
  | 'too_long'
  | 'too_deep'
  | 'unexpected_char'
  | 'unterminated_string'
  | 'incomplete'
  | 'unexpected'
  | 'expected'
  | 'name_after_dot'
  | 'unknown_field'
  | 'unknown_function'
  | 'arity';

/** A problem in an expression's source: a code (messages are localized elsewhere), where, and what. */
export class ExpressionError extends Error {
  constructor(
    readonly code: ExpressionErrorCode,
    /** Offset into the source where the problem is. */
    readonly at: number,
    /** The token, field or function at fault; for `expected`, what was expected then what was found. */
    readonly detail: string[] = [],
  ) {
    super(`${code} at ${at}${detail.length ? `: ${detail.join(' / ')}` : ''}`);
  }
}
