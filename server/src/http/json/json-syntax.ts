/** Why a JSON text is not JSON, and where (a UTF-16 offset into the text). */
export interface JsonSyntaxFault {
  at: number;
  problem: 'end' | 'unexpected' | 'control' | 'escape' | 'number';
}

// What may come next: a value, an array's first item (or its end), an object's first key (or its end), a key,
// the colon after a key, or what follows a value (a comma, the container's end, or the end of the text).
const State = { Value: 0, FirstItem: 1, FirstKey: 2, Key: 3, Colon: 4, AfterValue: 5 } as const;

// Brackets and the quotes that start strings: all the nesting check has to look at.
const structural = /["[\]{}]/g;

/**
 * The offset of the bracket that nests deeper than `maxDepth`, or null. Checked on the text before it is parsed:
 * `JSON.parse` of a million nested brackets takes seconds, and every later step that recurses would overflow the
 * stack. Fast (native searches between brackets and across strings); says nothing of the rest of the syntax.
 */
export function nestingFault(text: string, maxDepth: number): number | null {
  structural.lastIndex = 0;
  let depth = 0;
  for (let found = structural.exec(text); found; found = structural.exec(text)) {
    const c = text.charCodeAt(found.index);
    if (c === 0x22) structural.lastIndex = pastString(text, found.index);
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return found.index;
    } else depth--;
  }
  return null;
}

/** Offset just past the string opening at `start`: its next quote not escaped by an odd run of backslashes. */
function pastString(text: string, start: number): number {
  for (let from = start + 1; ; ) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length;
    let slashes = 0;
    while (text.charCodeAt(quote - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/**
 * Where and why a text is not JSON (RFC 8259), or null when it is: one pass, no recursion. `JSON.parse` says the
 * same only in English and not always where; this runs once it has refused a body, to tell the caller.
 */
export function jsonSyntaxFault(text: string): JsonSyntaxFault | null {
  const open: number[] = []; // the containers we are in: '{' or '['
  let state: number = State.Value;
  let i = 0;
  for (;;) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (i >= text.length)
      return state === State.AfterValue && !open.length ? null : { at: i, problem: 'end' };
    const c = text.charCodeAt(i);
    if (state === State.Colon) {
      if (c !== 0x3a) return { at: i, problem: 'unexpected' };
      i++;
      state = State.Value;
    } else if (state === State.AfterValue) {
      const container = open.at(-1);
      if (container === undefined) return { at: i, problem: 'unexpected' };
      if (c === 0x2c) {
        i++;
        state = container === 0x7b ? State.Key : State.Value;
      } else if (c === (container === 0x7b ? 0x7d : 0x5d)) {
        open.pop();
        i++;
      } else return { at: i, problem: 'unexpected' };
    } else if (state === State.Key || state === State.FirstKey) {
      if (state === State.FirstKey && c === 0x7d) {
        open.pop();
        i++;
        state = State.AfterValue;
        continue;
      }
      if (c !== 0x22) return { at: i, problem: 'unexpected' };
      const end = stringEnd(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      state = State.Colon;
    } else {
      if (state === State.FirstItem && c === 0x5d) {
        open.pop();
        i++;
        state = State.AfterValue;
        continue;
      }
      if (c === 0x7b || c === 0x5b) {
        open.push(c);
        i++;
        state = c === 0x7b ? State.FirstKey : State.FirstItem;
        continue;
      }
      const end =
        c === 0x22 ? stringEnd(text, i) : c === 0x2d || isDigit(c) ? numberEnd(text, i) : literalEnd(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      state = State.AfterValue;
    }
  }
}

/** Offset just past the string starting at `start` (its opening quote). */
function stringEnd(text: string, start: number): number | JsonSyntaxFault {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return { at: i, problem: 'control' };
    if (c !== 0x5c) continue;
    const next = text.charCodeAt(i + 1);
    if (next === 0x75) {
      for (let k = 2; k <= 5; k++)
        if (!isHex(text.charCodeAt(i + k)))
          return { at: i, problem: i + k >= text.length ? 'end' : 'escape' };
      i += 5;
    } else if ('"\\/bfnrt'.includes(text[i + 1] ?? '') && i + 1 < text.length) i++;
    else return { at: i, problem: i + 1 >= text.length ? 'end' : 'escape' };
  }
  return { at: text.length, problem: 'end' };
}

/** Offset just past the number at `start`: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
function numberEnd(text: string, start: number): number | JsonSyntaxFault {
  let i = start;
  const digits = () => {
    const from = i;
    while (isDigit(text.charCodeAt(i))) i++;
    return i > from;
  };
  const fault = (): JsonSyntaxFault => ({ at: i, problem: i >= text.length ? 'end' : 'number' });
  if (text.charCodeAt(i) === 0x2d) i++;
  if (text.charCodeAt(i) === 0x30) i++;
  else if (!digits()) return fault();
  if (text.charCodeAt(i) === 0x2e) {
    i++;
    if (!digits()) return fault();
  }
  if ((text.charCodeAt(i) | 0x20) === 0x65) {
    i++;
    if (text.charCodeAt(i) === 0x2b || text.charCodeAt(i) === 0x2d) i++;
    if (!digits()) return fault();
  }
  return i;
}

function literalEnd(text: string, start: number): number | JsonSyntaxFault {
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, start)) return start + literal.length;
    if (text.length - start < literal.length && literal.startsWith(text.slice(start)))
      return { at: text.length, problem: 'end' };
  }
  return { at: start, problem: 'unexpected' };
}
