import { type BinaryOp, type Expr, ExpressionError } from './ast.js';
import { type Token, tokenize } from './lexer.js';

/** Longest source accepted: expressions are one-liners in a properties panel, not programs. */
export const maxExpressionLength = 2000;
const maxDepth = 48;

const binaryPrecedence: Record<string, [BinaryOp, number]> = {
  or: ['or', 1],
  '||': ['or', 1],
  and: ['and', 2],
  '&&': ['and', 2],
  '==': ['==', 4],
  '!=': ['!=', 4],
  '<': ['<', 4],
  '<=': ['<=', 4],
  '>': ['>', 4],
  '>=': ['>=', 4],
  in: ['in', 4],
  '+': ['+', 5],
  '-': ['-', 5],
  '*': ['*', 6],
  '/': ['/', 6],
  '%': ['%', 6],
};
const notPrecedence = 3;
const negatePrecedence = 7;
const keywords = new Set(['and', 'or', 'not', 'in', 'true', 'false', 'null']);

/**
 * Parses an expression such as `priority >= 4 and category in ['billing', 'access']` into a tree.
 * Throws {@link ExpressionError} with the offset of the first problem.
 */
export function parseExpression(source: string): Expr {
  if (source.length > maxExpressionLength)
    throw new ExpressionError('too_long', maxExpressionLength, [String(maxExpressionLength)]);
  const parser = new Parser(tokenize(source));
  const expr = parser.expression(0, 0);
  parser.expectEnd();
  return expr;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  expression(minPrecedence: number, depth: number): Expr {
    if (depth > maxDepth) throw new ExpressionError('too_deep', this.peek().at);
    let left = this.prefix(depth);
    for (;;) {
      const token = this.peek();
      const entry = token.type === 'op' || token.type === 'name' ? binaryPrecedence[token.value] : undefined;
      if (!entry || entry[1] <= minPrecedence) return left;
      this.index++;
      const right = this.expression(entry[1], depth + 1);
      left = { kind: 'binary', op: entry[0], left, right, at: token.at };
    }
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.type !== 'end') throw new ExpressionError('unexpected', token.at, [describe(token)]);
  }

  private prefix(depth: number): Expr {
    const token = this.next();
    switch (token.type) {
      case 'number':
        return { kind: 'literal', value: token.value, at: token.at };
      case 'string':
        return { kind: 'literal', value: token.value, at: token.at };
      case 'end':
        throw new ExpressionError('incomplete', token.at);
      case 'name':
        return this.name(token, depth);
      case 'op':
        return this.operator(token, depth);
    }
  }

  private name(token: Extract<Token, { type: 'name' }>, depth: number): Expr {
    const word = token.value;
    if (word === 'true' || word === 'false') return { kind: 'literal', value: word === 'true', at: token.at };
    if (word === 'null') return { kind: 'literal', value: null, at: token.at };
    if (word === 'not')
      return { kind: 'unary', op: 'not', operand: this.expression(notPrecedence, depth + 1), at: token.at };
    if (keywords.has(word)) throw new ExpressionError('unexpected', token.at, [word]);
    if (this.isOp('(')) {
      this.index++;
      const args = this.items(')', depth);
      return { kind: 'call', name: word, args, at: token.at };
    }
    const path = [word];
    while (this.isOp('.')) {
      this.index++;
      const part = this.next();
      if (part.type !== 'name') throw new ExpressionError('name_after_dot', part.at);
      path.push(part.value);
    }
    return { kind: 'field', path, at: token.at };
  }

  private operator(token: Extract<Token, { type: 'op' }>, depth: number): Expr {
    switch (token.value) {
      case '(': {
        const inner = this.expression(0, depth + 1);
        this.expectOp(')');
        return inner;
      }
      case '[':
        return { kind: 'list', items: this.items(']', depth), at: token.at };
      case '-':
        return {
          kind: 'unary',
          op: '-',
          operand: this.expression(negatePrecedence, depth + 1),
          at: token.at,
        };
      case '!':
        return { kind: 'unary', op: 'not', operand: this.expression(notPrecedence, depth + 1), at: token.at };
      default:
        throw new ExpressionError('unexpected', token.at, [token.value]);
    }
  }

  /** Comma-separated expressions up to the closing bracket (already past the opening one). */
  private items(close: string, depth: number): Expr[] {
    const items: Expr[] = [];
    if (this.isOp(close)) {
      this.index++;
      return items;
    }
    for (;;) {
      items.push(this.expression(0, depth + 1));
      if (this.isOp(',')) {
        this.index++;
        continue;
      }
      this.expectOp(close);
      return items;
    }
  }

  private expectOp(op: string): void {
    const token = this.next();
    if (token.type !== 'op' || token.value !== op)
      throw new ExpressionError('expected', token.at, [op, describe(token)]);
  }

  private isOp(op: string): boolean {
    const token = this.peek();
    return token.type === 'op' && token.value === op;
  }

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.index++;
    return token;
  }
}

/** The token as the author typed it; '' stands for the end of the expression. */
const describe = (token: Token): string => (token.type === 'end' ? '' : String(token.value));
