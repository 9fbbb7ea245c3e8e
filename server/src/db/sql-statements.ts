/**
 * Whether SQL text holds more than one statement: a `;` outside string literals (plain, E'' with backslash
 * escapes, dollar-quoted), quoted identifiers and comments, followed by more SQL.
 */
export function hasSeveralStatements(sql: string): boolean {
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const ch = sql[i]!;
    const next = sql[i + 1];
    if (ch === "'") i = endOfString(sql, i, /[eE]/.test(sql[i - 1] ?? '') && !/\w/.test(sql[i - 2] ?? ''));
    else if (ch === '"') i = sql.indexOf('"', i + 1) + 1 || n;
    else if (ch === '-' && next === '-') i = sql.indexOf('\n', i) + 1 || n;
    else if (ch === '/' && next === '*') i = sql.indexOf('*/', i + 2) + 2 || n;
    else if (ch === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))?.[0];
      if (tag) i = sql.indexOf(tag, i + tag.length) + tag.length || n;
      else i += 1;
    } else if (ch === ';') return /[^\s;]/.test(sql.slice(i + 1));
    else i += 1;
  }
  return false;
}

/** Index just past the string literal starting at `start` (a quote), doubled quotes and E'' escapes included. */
function endOfString(sql: string, start: number, escapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    if (escapes && sql[i] === '\\') i += 2;
    else if (sql[i] === "'" && sql[i + 1] === "'") i += 2;
    else if (sql[i] === "'") return i + 1;
    else i += 1;
  }
  return sql.length;
}
