import { ExpressionError } from './ast.js';

export type Token =
  | { type: 'number'; value: number; at: number }
  | { type: 'string'; value: string; at: number }
  | { type: 'name'; value: string; at: number }
  | { type: 'op'; value: string; at: number }
  | { type: 'end'; at: number };

/** Longest operators first, so `<=` is not read as `<` then `=`. */
const operators = [
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '!',
  '(',
  ')',
  '[',
  ']',
  ',',
  '.',
];
const nameStart = /[\p{L}_]/u;
const namePart = /[\p{L}\p{N}_]/u;

/** Splits an expression into tokens; every character is looked at once, so time is linear in the source. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const match = /^[0-9]+(\.[0-9]+)?/.exec(source.slice(i, i + 40)) as RegExpExecArray;
      tokens.push({ type: 'number', value: Number(match[0]), at: i });
      i += match[0].length;
      continue;
    }
    if (c === "'" || c === '"') {
      const { value, end } = readString(source, i);
      tokens.push({ type: 'string', value, at: i });
      i = end;
      continue;
    }
    if (nameStart.test(c)) {
      let end = i + 1;
      while (end < source.length && namePart.test(source[end] as string)) end++;
      tokens.push({ type: 'name', value: source.slice(i, end), at: i });
      i = end;
      continue;
    }
    const op = operators.find((o) => source.startsWith(o, i));
    if (!op) throw new ExpressionError('unexpected_char', i, [c]);
    tokens.push({ type: 'op', value: op, at: i });
    i += op.length;
  }
  tokens.push({ type: 'end', at: source.length });
  return tokens;
}

function readString(source: string, start: number): { value: string; end: number } {
  const quote = source[start];
  let value = '';
  let i = start + 1;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === quote) return { value, end: i + 1 };
    if (c === '\\' && i + 1 < source.length) {
      const next = source[i + 1] as string;
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  throw new ExpressionError('unterminated_string', start);
}
